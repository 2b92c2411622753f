package io.skald.logql.syntax;

/** Binary operators with Prometheus precedence (higher binds tighter). */
public enum BinOp {
  POW("^", 6),
  MUL("*", 5),
  DIV("/", 5),
  MOD("%", 5),
  ADD("+", 4),
  SUB("-", 4),
  CMP_EQ("==", 3),
  NEQ("!=", 3),
  GT(">", 3),
  GTE(">=", 3),
  LT("<", 3),
  LTE("<=", 3),
  AND("and", 2),
  UNLESS("unless", 2),
  OR("or", 1);

  private final String symbol;
  private final int precedence;

  BinOp(String symbol, int precedence) {
    this.symbol = symbol;
    this.precedence = precedence;
  }

  public String symbol() {
    return symbol;
  }

  public int precedence() {
    return precedence;
  }

  public boolean isComparison() {
    return precedence == 3;
  }

  /** and, or, unless: they match series, so literals are not allowed on either side. */
  public boolean isSetOperator() {
    return this == AND || this == OR || this == UNLESS;
  }

  public static BinOp fromSymbol(String s) {
    for (BinOp op : values()) {
      if (op.symbol.equalsIgnoreCase(s)) {
        return op;
      }
    }
    throw new IllegalArgumentException("unknown binary operator " + s);
  }

  @Override
  public String toString() {
    return symbol;
  }
}
