package io.skald.logql.syntax;

/** {@code | status >= 500}. */
public record NumericLabelFilter(String name, CompareOp op, double value) implements LabelFilter {
  @Override
  public String toString() {
    return name + op.symbol() + Strings.formatNumber(value);
  }
}
