package io.skald.logql.syntax;

/**
 * Comparison operators of numeric, duration and bytes label filters ({@code =} means {@code ==}).
 */
public enum CompareOp {
  EQ("=="),
  NEQ("!="),
  GT(">"),
  GTE(">="),
  LT("<"),
  LTE("<=");

  private final String symbol;

  CompareOp(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  /** Applies the operator to {@code Double.compare}/{@code compareTo}-style results. */
  public boolean test(int cmp) {
    return switch (this) {
      case EQ -> cmp == 0;
      case NEQ -> cmp != 0;
      case GT -> cmp > 0;
      case GTE -> cmp >= 0;
      case LT -> cmp < 0;
      case LTE -> cmp <= 0;
    };
  }

  @Override
  public String toString() {
    return symbol;
  }
}
