package io.skald.logql.syntax;

import io.skald.labels.Matcher;

/** {@code | name="v"}: the only filter that can test {@code __error__}. */
public record StringLabelFilter(Matcher matcher) implements LabelFilter {
  @Override
  public String toString() {
    return matcher.toString();
  }
}
