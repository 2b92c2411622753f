package io.skald.logql.syntax;

/** {@code | decolorize}. */
public record DecolorizeExpr() implements StageExpr {
  @Override
  public String toString() {
    return "| decolorize";
  }
}
