/**
 * LogQL metric query evaluation, framework-free: {@link io.skald.logql.engine.MetricEngine}
 * evaluates a {@link io.skald.logql.syntax.SampleExpr} step by step the way Loki's engine does
 * ({@code pkg/logql/engine.go}, {@code evaluator.go}, {@code range_vector.go}) over samples
 * supplied by a {@link io.skald.logql.engine.SampleSource}, and {@link
 * io.skald.logql.engine.MetricJson} writes the result in Loki's JSON shape.
 *
 * <p>Storage is not known here: the querier implements {@code SampleSource}; {@link
 * io.skald.logql.engine.InMemorySampleSource} runs the real pipeline and {@link
 * io.skald.logql.log.SampleExtractor} over entries held in memory (tests, small data).
 */
package io.skald.logql.engine;
