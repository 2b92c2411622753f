package io.skald.logql.syntax;

/** {@code | unpack}. */
public record UnpackParserExpr() implements StageExpr {
  @Override
  public String toString() {
    return "| unpack";
  }
}
