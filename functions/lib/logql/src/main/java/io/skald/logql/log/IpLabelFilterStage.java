package io.skald.logql.log;

import java.nio.charset.StandardCharsets;

/**
 * {@code | addr = ip("10.0.0.0/8")} and {@code !=}. The label value is searched for addresses like
 * a line is, as Loki does. An entry that already has an error is kept (only string matchers may
 * filter on errors); a missing label drops it.
 */
final class IpLabelFilterStage implements Stage {
  private final String name;
  private final boolean negated;
  private final LineMatcher matcher;
  private final LineBuffer scratch = new LineBuffer();

  /**
   * @throws IllegalArgumentException for an invalid pattern
   */
  IpLabelFilterStage(String name, boolean negated, String pattern) {
    this(name, negated, new IpLineMatcher(IpPattern.parse(pattern)));
  }

  private IpLabelFilterStage(String name, boolean negated, LineMatcher matcher) {
    this.name = name;
    this.negated = negated;
    this.matcher = matcher;
  }

  @Override
  public boolean process(long timestampNanos, LineBuffer line, LabelsBuilder labels) {
    if (labels.hasError()) {
      return true;
    }
    String v = labels.get(name);
    if (v == null) {
      return false;
    }
    byte[] b = v.getBytes(StandardCharsets.UTF_8);
    scratch.set(b, 0, b.length);
    return matcher.matches(scratch) != negated;
  }

  @Override
  public Stage forStream() {
    // The matcher and the scratch buffer hold per-line state.
    return new IpLabelFilterStage(name, negated, matcher.forStream());
  }
}
