package io.skald.logql.engine;

import java.util.List;

/**
 * An instant query result. Sorted by labels, except when the query uses {@code sort} or {@code
 * sort_desc}: then it keeps the order those produce.
 */
public record VectorResult(List<Sample> samples) implements MetricResult {
  public VectorResult {
    samples = List.copyOf(samples);
  }

  @Override
  public String resultType() {
    return "vector";
  }
}
