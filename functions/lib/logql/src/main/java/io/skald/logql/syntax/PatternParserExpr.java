package io.skald.logql.syntax;

import io.skald.gocompat.GoQuote;

/** {@code | pattern "<ip> - <_> <status>"}. */
public record PatternParserExpr(String pattern) implements StageExpr {
  @Override
  public String toString() {
    return "| pattern " + GoQuote.quote(pattern);
  }
}
