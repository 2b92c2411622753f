package io.skald.logql.syntax;

import java.time.Duration;

/** {@code | latency > 250ms}. */
public record DurationLabelFilter(String name, CompareOp op, Duration value)
    implements LabelFilter {
  @Override
  public String toString() {
    return name + op.symbol() + Durations.format(value);
  }
}
