package io.skald.logql.syntax;

/** {@code a and b}, {@code a, b} or {@code a b}; printed fully parenthesised like Loki. */
public record AndLabelFilter(LabelFilter left, LabelFilter right) implements LabelFilter {
  @Override
  public String toString() {
    return "( " + left + " , " + right + " )";
  }
}
