package io.skald.logql.syntax;

/**
 * {@code rate({...}[5m])}, {@code quantile_over_time(0.99, {...} | unwrap x [5m]) by (a)}.
 *
 * @param param the φ of quantile_over_time, else null
 * @param grouping null when absent
 */
public record RangeAggregationExpr(RangeOp op, LogRangeExpr range, Double param, Grouping grouping)
    implements SampleExpr {
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(op.keyword()).append('(');
    if (param != null) {
      sb.append(Strings.formatNumber(param)).append(',');
    }
    sb.append(range).append(')');
    if (grouping != null) {
      sb.append(' ').append(grouping);
    }
    return sb.toString();
  }
}
