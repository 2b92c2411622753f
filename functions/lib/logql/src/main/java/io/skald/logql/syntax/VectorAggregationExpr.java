package io.skald.logql.syntax;

/**
 * {@code sum by (a) (expr)}, {@code topk(5, expr)}.
 *
 * @param param k for topk/bottomk/approx_topk, else null
 * @param grouping null when absent (written before or after the body; printed before)
 */
public record VectorAggregationExpr(VectorOp op, SampleExpr inner, Integer param, Grouping grouping)
    implements SampleExpr {
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(op.keyword());
    if (grouping != null) {
      sb.append(' ').append(grouping).append(' ');
    }
    sb.append('(');
    if (param != null) {
      sb.append(param).append(',');
    }
    return sb.append(inner).append(')').toString();
  }
}
