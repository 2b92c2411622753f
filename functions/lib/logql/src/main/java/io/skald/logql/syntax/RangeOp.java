package io.skald.logql.syntax;

/** Range aggregation functions and whether they need (or refuse) {@code | unwrap}. */
public enum RangeOp {
  RATE("rate"),
  RATE_COUNTER("rate_counter"),
  COUNT_OVER_TIME("count_over_time"),
  BYTES_RATE("bytes_rate"),
  BYTES_OVER_TIME("bytes_over_time"),
  ABSENT_OVER_TIME("absent_over_time"),
  SUM_OVER_TIME("sum_over_time"),
  AVG_OVER_TIME("avg_over_time"),
  MIN_OVER_TIME("min_over_time"),
  MAX_OVER_TIME("max_over_time"),
  STDVAR_OVER_TIME("stdvar_over_time"),
  STDDEV_OVER_TIME("stddev_over_time"),
  QUANTILE_OVER_TIME("quantile_over_time"),
  FIRST_OVER_TIME("first_over_time"),
  LAST_OVER_TIME("last_over_time");

  private final String keyword;

  RangeOp(String keyword) {
    this.keyword = keyword;
  }

  public String keyword() {
    return keyword;
  }

  public static RangeOp fromKeyword(String s) {
    return valueOf(s.toUpperCase(java.util.Locale.ROOT));
  }

  /** Usable without unwrap (they count lines or bytes). */
  public boolean worksOnLines() {
    return this == RATE
        || this == COUNT_OVER_TIME
        || this == BYTES_RATE
        || this == BYTES_OVER_TIME
        || this == ABSENT_OVER_TIME;
  }

  /** Usable with unwrap. */
  public boolean worksOnUnwrapped() {
    return this != COUNT_OVER_TIME && this != BYTES_RATE && this != BYTES_OVER_TIME;
  }

  /** Loki allows by/without only on the aggregations that keep several series apart. */
  public boolean allowsGrouping() {
    return switch (this) {
      case AVG_OVER_TIME,
          STDDEV_OVER_TIME,
          STDVAR_OVER_TIME,
          QUANTILE_OVER_TIME,
          MAX_OVER_TIME,
          MIN_OVER_TIME,
          FIRST_OVER_TIME,
          LAST_OVER_TIME ->
          true;
      default -> false;
    };
  }

  @Override
  public String toString() {
    return keyword;
  }
}
