package io.skald.logql.log;

import io.skald.labels.LabelSet;
import io.skald.logql.syntax.Grouping;
import io.skald.logql.syntax.ParseException;
import io.skald.logql.syntax.RangeAggregationExpr;

/**
 * Turns the log entries of a range aggregation into samples: the contract between the log pipeline
 * and the metric engine ({@code io.skald.logql.engine}).
 *
 * <p>Contract (stable):
 *
 * <ul>
 *   <li>{@link #compile} is called once per query; the extractor is immutable and shareable.
 *   <li>{@link #forStream} is called once per stream and per thread; the returned {@link
 *       StreamSampleExtractor} is single-threaded.
 *   <li>{@link StreamSampleExtractor#process} runs the pipeline over one entry and returns a reused
 *       {@link ExtractedSample}, valid until the next call. {@code keep()} is false when the entry
 *       yields no sample (filtered out, or the unwrapped label is absent or empty).
 *   <li>Value: 1 per line for {@code rate}, {@code count_over_time}, {@code absent_over_time}; the
 *       line's byte length (after line-rewriting stages) for {@code bytes_rate} and {@code
 *       bytes_over_time}; with {@code | unwrap} the label's value as a float, {@code bytes(l)} in
 *       bytes, {@code duration(l)} / {@code duration_seconds(l)} in seconds.
 *   <li>Labels: the entry's final labels (stream, structured metadata, parsed) reduced by the range
 *       aggregation's grouping: {@code by (a, b)} keeps only those, {@code without (a)} removes
 *       them, {@code by ()} keeps none. With unwrap and no {@code by}, the unwrapped label itself
 *       is removed, as Loki does. {@code absent_over_time} always yields the empty label set.
 *       Consecutive samples with equal labels usually share one {@link LabelSet} instance.
 *   <li>Errors: a value that does not convert gives value 0 and sets {@code
 *       __error__="SampleExtractionErr"} plus {@code __error_details__}; post-unwrap label filters
 *       may then drop it ({@code | __error__=""}). A kept sample whose labels still carry {@code
 *       __error__} must fail the query with HTTP 400 (see {@link ExtractedSample#error()}). Such a
 *       sample keeps all its labels (grouping is skipped), as in Loki, so the error is seen.
 * </ul>
 */
public interface SampleExtractor {

  /**
   * Compiles the extractor of a range aggregation (its pipeline, unwrap, post filters and
   * grouping).
   *
   * @throws ParseException {@code parse error : stage '<stage>' : <reason>} for invalid stages, as
   *     {@link Pipeline#compile} reports them
   */
  static SampleExtractor compile(RangeAggregationExpr expr) throws ParseException {
    return compile(expr, null);
  }

  /**
   * Like {@link #compile(RangeAggregationExpr)} but with the grouping of an enclosing vector
   * aggregation pushed down ({@code sum by (a) (rate(...))}); a non-null override replaces the
   * range aggregation's own grouping, as Loki does. Pass null to keep the expression's own.
   */
  static SampleExtractor compile(RangeAggregationExpr expr, Grouping override)
      throws ParseException {
    return SampleExtractors.compile(expr, override);
  }

  /** The processor for one stream's entries (single-threaded). */
  StreamSampleExtractor forStream(LabelSet streamLabels);
}
