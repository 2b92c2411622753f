package io.skald.logql.engine;

import io.skald.labels.Matcher;
import io.skald.logql.log.SampleExtractor;
import io.skald.logql.syntax.Grouping;
import io.skald.logql.syntax.LogSelectorExpr;
import io.skald.logql.syntax.RangeAggregationExpr;
import java.util.List;

/**
 * What the engine asks a {@link SampleSource} for: the samples of one range aggregation in {@code
 * [startNanos, endNanos)}.
 *
 * <p>The range is Loki's: {@code [start - range - offset, end - offset + 1ns)} for a query from
 * {@code start} to {@code end}, so that the first window {@code (start - range, start]} and the
 * last sample exactly at {@code end - offset} are covered.
 *
 * @param expr the range aggregation (selector, pipeline, unwrap, range, offset)
 * @param groupingOverride the grouping of an enclosing {@code sum} pushed down into extraction, as
 *     Loki does, or null; already applied by {@link #extractor()}
 * @param extractor compiled by the engine for this selection; use it, do not compile another
 * @param startNanos inclusive
 * @param endNanos exclusive
 */
public record SampleSelection(
    RangeAggregationExpr expr,
    Grouping groupingOverride,
    SampleExtractor extractor,
    long startNanos,
    long endNanos) {

  /** The log selector with its pipeline. */
  public LogSelectorExpr selector() {
    return expr.range().left();
  }

  /** The stream matchers to look streams up with. */
  public List<Matcher> matchers() {
    return expr.range().left().matchers();
  }
}
