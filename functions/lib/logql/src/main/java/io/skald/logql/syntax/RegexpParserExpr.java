package io.skald.logql.syntax;

/** {@code | regexp "(?P<name>...)"}. */
public record RegexpParserExpr(String regex) implements StageExpr {
    @Override
    public String toString() {
        return "| regexp " + Strings.quote(regex);
    }
}
