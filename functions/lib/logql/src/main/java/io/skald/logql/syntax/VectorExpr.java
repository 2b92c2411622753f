package io.skald.logql.syntax;

/** {@code vector(1)}: a single series without labels. */
public record VectorExpr(double value) implements SampleExpr {
  @Override
  public String toString() {
    return "vector(" + Strings.formatNumber(value) + ")";
  }
}
