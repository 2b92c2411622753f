package io.skald.logql.syntax;

/** Vector aggregation operators. */
public enum VectorOp {
  SUM("sum"),
  AVG("avg"),
  MIN("min"),
  MAX("max"),
  COUNT("count"),
  STDDEV("stddev"),
  STDVAR("stdvar"),
  TOPK("topk"),
  BOTTOMK("bottomk"),
  SORT("sort"),
  SORT_DESC("sort_desc"),
  APPROX_TOPK("approx_topk");

  private final String keyword;

  VectorOp(String keyword) {
    this.keyword = keyword;
  }

  public String keyword() {
    return keyword;
  }

  public static VectorOp fromKeyword(String s) {
    return valueOf(s.toUpperCase(java.util.Locale.ROOT));
  }

  /** topk, bottomk and approx_topk take a leading k. */
  public boolean takesParameter() {
    return this == TOPK || this == BOTTOMK || this == APPROX_TOPK;
  }

  @Override
  public String toString() {
    return keyword;
  }
}
