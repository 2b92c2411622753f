package io.skald.logql.syntax;

import java.time.Duration;

/**
 * The log range inside a range aggregation: selector and pipeline, optional unwrap, the {@code
 * [range]} and an {@code offset} (zero when absent). Printed with the range at the end, whichever
 * place it was written in.
 */
public record LogRangeExpr(
    LogSelectorExpr left, Duration range, Duration offset, UnwrapExpr unwrap) {
  public LogRangeExpr {
    offset = offset == null ? Duration.ZERO : offset;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(left.toString());
    if (unwrap != null) {
      sb.append(' ').append(unwrap);
    }
    sb.append('[').append(Durations.format(range)).append(']');
    if (!offset.isZero()) {
      sb.append(" offset ").append(Durations.format(offset));
    }
    return sb.toString();
  }
}
