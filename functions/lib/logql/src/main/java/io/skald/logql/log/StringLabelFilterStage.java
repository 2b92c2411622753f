package io.skald.logql.log;

import io.skald.labels.Matcher;

/**
 * {@code | name="v"}, {@code != =~ !~}: the only label filter that can test {@code __error__}. A
 * missing label is compared as the empty string.
 */
final class StringLabelFilterStage implements Stage {
  private final Matcher matcher;

  StringLabelFilterStage(Matcher matcher) {
    this.matcher = matcher;
  }

  @Override
  public boolean process(long timestampNanos, LineBuffer line, LabelsBuilder labels) {
    String v = labels.get(matcher.name());
    return matcher.matches(v == null ? "" : v);
  }
}
