package io.skald.logql.syntax;

import io.skald.labels.Matcher;

/** A {@code drop}/{@code keep} entry: a bare label name, or a matcher on the label's value. */
public record NamedMatcher(String name, Matcher matcher) {
  public static NamedMatcher ofName(String name) {
    return new NamedMatcher(name, null);
  }

  public static NamedMatcher of(Matcher matcher) {
    return new NamedMatcher(matcher.name(), matcher);
  }

  @Override
  public String toString() {
    return matcher == null ? name : matcher.toString();
  }
}
