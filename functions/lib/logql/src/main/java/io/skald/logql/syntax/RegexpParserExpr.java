package io.skald.logql.syntax;

import io.skald.gocompat.GoQuote;

/** {@code | regexp "(?P<name>...)"}. */
public record RegexpParserExpr(String regex) implements StageExpr {
  @Override
  public String toString() {
    return "| regexp " + GoQuote.quote(regex);
  }
}
