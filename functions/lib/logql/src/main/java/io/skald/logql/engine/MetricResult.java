package io.skald.logql.engine;

/**
 * The value of a metric query, as Loki returns it: a {@link MatrixResult} for range queries, a
 * {@link VectorResult} or {@link ScalarResult} for instant queries.
 */
public sealed interface MetricResult permits MatrixResult, VectorResult, ScalarResult {

  /** Loki's {@code resultType}: {@code matrix}, {@code vector} or {@code scalar}. */
  String resultType();
}
