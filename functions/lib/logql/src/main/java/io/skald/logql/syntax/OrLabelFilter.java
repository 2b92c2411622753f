package io.skald.logql.syntax;

/** {@code a or b}; printed fully parenthesised like Loki. */
public record OrLabelFilter(LabelFilter left, LabelFilter right) implements LabelFilter {
  @Override
  public String toString() {
    return "( " + left + " or " + right + " )";
  }
}
