package io.skald.logql.syntax;

/** A scalar such as {@code 1}, {@code -0.5}. */
public record LiteralExpr(double value) implements SampleExpr {
  @Override
  public String toString() {
    return Strings.formatNumber(value);
  }
}
