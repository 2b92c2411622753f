package io.skald.logql.engine;

import java.util.List;

/** A range query result: series sorted by labels, as Loki sorts a {@code promql.Matrix}. */
public record MatrixResult(List<Series> series) implements MetricResult {
  public MatrixResult {
    series = List.copyOf(series);
  }

  @Override
  public String resultType() {
    return "matrix";
  }
}
