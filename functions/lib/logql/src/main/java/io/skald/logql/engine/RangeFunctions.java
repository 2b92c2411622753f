package io.skald.logql.engine;

import io.skald.logql.syntax.RangeAggregationExpr;
import java.util.Arrays;

/**
 * The range aggregations, computed over the samples of one series in one window as Loki's batch
 * aggregators do ({@code pkg/logql/range_vector.go}), including their floating-point order of
 * operations.
 */
final class RangeFunctions {
  private RangeFunctions() {}

  /** Aggregates a non-empty window ending at {@code rangeEndNanos}. */
  @FunctionalInterface
  interface Aggregator {
    double apply(Window w, long rangeEndNanos);
  }

  static Aggregator of(RangeAggregationExpr expr) {
    long rangeNanos = expr.range().range().toNanos();
    double rangeSeconds = seconds(rangeNanos);
    boolean unwrapped = expr.range().unwrap() != null;
    return switch (expr.op()) {
      case RATE ->
          unwrapped ? (w, end) -> sum(w) / rangeSeconds : (w, end) -> w.size() / rangeSeconds;
      case RATE_COUNTER -> (w, end) -> extrapolatedRate(w, rangeNanos, end, true, true);
      case COUNT_OVER_TIME -> (w, end) -> w.size();
      case BYTES_RATE -> (w, end) -> sum(w) / rangeSeconds;
      case BYTES_OVER_TIME, SUM_OVER_TIME -> (w, end) -> sum(w);
      case AVG_OVER_TIME -> (w, end) -> avg(w);
      case MAX_OVER_TIME -> (w, end) -> max(w);
      case MIN_OVER_TIME -> (w, end) -> min(w);
      case STDVAR_OVER_TIME -> (w, end) -> stdvar(w);
      case STDDEV_OVER_TIME -> (w, end) -> Math.sqrt(stdvar(w));
      case QUANTILE_OVER_TIME -> {
        double q = expr.param();
        yield (w, end) -> quantile(q, w);
      }
      case FIRST_OVER_TIME -> (w, end) -> w.value(0);
      case LAST_OVER_TIME -> (w, end) -> w.value(w.size() - 1);
      case ABSENT_OVER_TIME -> (w, end) -> 1.0;
    };
  }

  /** Go's {@code time.Duration.Seconds()}: whole seconds plus the fraction, in that order. */
  static double seconds(long nanos) {
    return (double) (nanos / 1_000_000_000L) + (double) (nanos % 1_000_000_000L) / 1e9;
  }

  static double sum(Window w) {
    double s = 0;
    for (int i = 0; i < w.size(); i++) {
      s += w.value(i);
    }
    return s;
  }

  static double avg(Window w) {
    double mean = 0;
    double count = 0;
    for (int i = 0; i < w.size(); i++) {
      double v = w.value(i);
      count++;
      if (Double.isInfinite(mean)) {
        if (Double.isInfinite(v) && (mean > 0) == (v > 0)) {
          continue; // same-sign infinities: the mean is already right
        }
        if (!Double.isInfinite(v) && !Double.isNaN(v)) {
          continue; // a finite value cannot move an infinite mean
        }
      }
      mean += v / count - mean / count;
    }
    return mean;
  }

  static double max(Window w) {
    double m = w.value(0);
    for (int i = 0; i < w.size(); i++) {
      double v = w.value(i);
      if (v > m || Double.isNaN(m)) {
        m = v;
      }
    }
    return m;
  }

  static double min(Window w) {
    double m = w.value(0);
    for (int i = 0; i < w.size(); i++) {
      double v = w.value(i);
      if (v < m || Double.isNaN(m)) {
        m = v;
      }
    }
    return m;
  }

  /** Welford's online variance, population form. */
  static double stdvar(Window w) {
    double aux = 0;
    double count = 0;
    double mean = 0;
    for (int i = 0; i < w.size(); i++) {
      double v = w.value(i);
      count++;
      double delta = v - mean;
      mean += delta / count;
      aux += delta * (v - mean);
    }
    return aux / count;
  }

  static double quantile(double q, Window w) {
    double[] values = new double[w.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = w.value(i);
    }
    return quantile(q, values);
  }

  /**
   * Loki's {@code Quantile}: NaN for no values, -Inf below 0, +Inf above 1, else linear
   * interpolation between the closest ranks. NaN values sort first, as in Loki.
   */
  static double quantile(double q, double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    if (q < 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (q > 1) {
      return Double.POSITIVE_INFINITY;
    }
    sortNaNFirst(values);
    double n = values.length;
    double rank = q * (n - 1);
    double lower = Math.max(0, Math.floor(rank));
    double upper = Math.min(n - 1, lower + 1);
    double weight = rank - Math.floor(rank);
    return values[(int) lower] * (1 - weight) + values[(int) upper] * weight;
  }

  private static void sortNaNFirst(double[] values) {
    Arrays.sort(values); // NaN last
    int nan = 0;
    for (int i = values.length - 1; i >= 0 && Double.isNaN(values[i]); i--) {
      nan++;
    }
    if (nan > 0 && nan < values.length) {
      System.arraycopy(values, 0, values, nan, values.length - nan);
      Arrays.fill(values, 0, nan, Double.NaN);
    }
  }

  /**
   * Prometheus' extrapolated rate as Loki adapts it: nanosecond timestamps, and the range
   * boundaries taken from the query window.
   */
  static double extrapolatedRate(
      Window w, long rangeNanos, long rangeEnd, boolean isCounter, boolean isRate) {
    int n = w.size();
    if (n < 2) {
      return 0;
    }
    long rangeStart = rangeEnd - rangeNanos;
    double first = w.value(0);
    double resultValue = w.value(n - 1) - first;
    if (isCounter) {
      double last = 0;
      for (int i = 0; i < n; i++) {
        double v = w.value(i);
        if (v < last) {
          resultValue += last;
        }
        last = v;
      }
    }
    double durationToStart = (double) (w.ts(0) - rangeStart) / 1e9;
    double durationToEnd = (double) (rangeEnd - w.ts(n - 1)) / 1e9;
    double sampledInterval = (double) (w.ts(n - 1) - w.ts(0)) / 1e9;
    double averageDurationBetweenSamples = sampledInterval / (double) (n - 1);

    double extrapolationThreshold = averageDurationBetweenSamples * 1.1;
    if (durationToStart >= extrapolationThreshold) {
      durationToStart = averageDurationBetweenSamples / 2;
    }
    if (isCounter) {
      double durationToZero = durationToStart;
      if (resultValue > 0 && first >= 0) {
        durationToZero = sampledInterval * (first / resultValue);
      }
      if (durationToZero < durationToStart) {
        durationToStart = durationToZero;
      }
    }
    if (durationToEnd >= extrapolationThreshold) {
      durationToEnd = averageDurationBetweenSamples / 2;
    }
    double extrapolateToInterval = sampledInterval + durationToStart + durationToEnd;
    resultValue = resultValue * (extrapolateToInterval / sampledInterval);
    if (isRate) {
      resultValue = resultValue / seconds(rangeNanos);
    }
    return resultValue;
  }
}
