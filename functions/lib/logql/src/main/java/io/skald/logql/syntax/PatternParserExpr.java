package io.skald.logql.syntax;

/** {@code | pattern "<ip> - <_> <status>"}. */
public record PatternParserExpr(String pattern) implements StageExpr {
    @Override
    public String toString() {
        return "| pattern " + Strings.quote(pattern);
    }
}
