package io.skald.logql.log;

import io.skald.logql.log.template.GoConversions;
import io.skald.logql.syntax.CompareOp;
import java.time.Duration;

/**
 * Numeric, duration and bytes label filters ({@code | status >= 500}, {@code | took > 1.5s}, {@code
 * | size < 1MiB}): variants of one comparison that differ only in how the label value is converted.
 * A missing label drops the entry; a value that does not convert keeps it and sets {@code
 * __error__=LabelFilterErr} unless an earlier error is already set.
 */
final class ComparisonLabelFilterStage implements Stage {
  static final String ERROR = "LabelFilterErr";

  private enum Kind {
    NUMBER,
    DURATION,
    BYTES
  }

  private final String name;
  private final CompareOp op;
  private final Kind kind;
  private final double threshold;
  private final long thresholdLong;

  private ComparisonLabelFilterStage(
      String name, CompareOp op, Kind kind, double threshold, long thresholdLong) {
    this.name = name;
    this.op = op;
    this.kind = kind;
    this.threshold = threshold;
    this.thresholdLong = thresholdLong;
  }

  static ComparisonLabelFilterStage numeric(String name, CompareOp op, double value) {
    return new ComparisonLabelFilterStage(name, op, Kind.NUMBER, value, 0);
  }

  static ComparisonLabelFilterStage duration(String name, CompareOp op, Duration value) {
    return new ComparisonLabelFilterStage(name, op, Kind.DURATION, 0, value.toNanos());
  }

  static ComparisonLabelFilterStage bytes(String name, CompareOp op, long value) {
    return new ComparisonLabelFilterStage(name, op, Kind.BYTES, value, value);
  }

  @Override
  public boolean process(long timestampNanos, LineBuffer line, LabelsBuilder labels) {
    String v = labels.get(name);
    if (v == null) {
      return false;
    }
    try {
      return switch (kind) {
        case NUMBER -> compare(GoConversions.parseFloat(v), threshold);
        case DURATION -> op.test(Long.compare(GoConversions.parseDurationNanos(v), thresholdLong));
        // go-humanize parses to uint64; a double holds any realistic size exactly enough.
        case BYTES -> compare(GoConversions.parseBytes(v), threshold);
      };
    } catch (IllegalArgumentException e) {
      if (!labels.hasError()) {
        labels.setError(ERROR, e.getMessage());
      }
      return true;
    }
  }

  /** IEEE comparison: NaN is unequal to everything, so only != holds. */
  private boolean compare(double a, double b) {
    return switch (op) {
      case EQ -> a == b;
      case NEQ -> a != b;
      case GT -> a > b;
      case GTE -> a >= b;
      case LT -> a < b;
      case LTE -> a <= b;
    };
  }
}
