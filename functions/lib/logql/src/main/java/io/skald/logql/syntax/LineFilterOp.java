package io.skald.logql.syntax;

/** Line filter operators. */
public enum LineFilterOp {
  CONTAINS("|=", false),
  NOT_CONTAINS("!=", true),
  MATCH_REGEX("|~", false),
  NOT_MATCH_REGEX("!~", true),
  MATCH_PATTERN("|>", false),
  NOT_MATCH_PATTERN("!>", true);

  private final String symbol;
  private final boolean negated;

  LineFilterOp(String symbol, boolean negated) {
    this.symbol = symbol;
    this.negated = negated;
  }

  public String symbol() {
    return symbol;
  }

  /** True for {@code != !~ !>}: the line is kept when no operand matches. */
  public boolean negated() {
    return negated;
  }

  @Override
  public String toString() {
    return symbol;
  }
}
