package io.skald.logql.syntax;

/** {@code | <label filter>} as a pipeline stage. */
public record LabelFilterExpr(LabelFilter filter) implements StageExpr {
  @Override
  public String toString() {
    return "| " + filter;
  }
}
