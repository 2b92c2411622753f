package io.skald.logql.engine;

/**
 * Loki's step alignment of range metric queries.
 *
 * <p>Loki's query frontend splits metric range queries by {@code split_queries_by_interval}
 * (default 1h, on in single-binary mode too) and, before splitting, rounds the start down and the
 * end up to a multiple of the step counted from the Unix epoch ({@code
 * pkg/querier/queryrange/splitters.go}, {@code alignStartEnd}). Output timestamps are therefore
 * multiples of the step. The engine itself does not align: the querier calls {@link #align} for
 * {@code query_range} metric queries, after {@link Limits#checkResolution} and before {@link
 * MetricEngine#evaluate}. Instant queries and log queries are not aligned.
 */
public final class StepAlignment {
  private StepAlignment() {}

  /** An aligned time range in Unix nanoseconds. */
  public record Range(long startNanos, long endNanos) {}

  /**
   * Rounds {@code startNanos} down and {@code endNanos} up to multiples of {@code stepNanos}. Loki
   * keeps the step in whole milliseconds ({@code step.Milliseconds()}), so pass a step truncated to
   * milliseconds, as Loki's HTTP layer does.
   */
  public static Range align(long startNanos, long endNanos, long stepNanos) {
    if (stepNanos <= 0) {
      throw new IllegalArgumentException("step must be positive: " + stepNanos);
    }
    long start = startNanos - Math.floorMod(startNanos, stepNanos);
    long mod = Math.floorMod(endNanos, stepNanos);
    long end = mod == 0 ? endNanos : endNanos + stepNanos - mod;
    return new Range(start, end);
  }
}
