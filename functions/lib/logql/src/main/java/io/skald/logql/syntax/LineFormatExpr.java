package io.skald.logql.syntax;

import io.skald.gocompat.GoQuote;

/** {@code | line_format "{{.a}}"}. */
public record LineFormatExpr(String template) implements StageExpr {
  @Override
  public String toString() {
    return "| line_format " + GoQuote.quote(template);
  }
}
