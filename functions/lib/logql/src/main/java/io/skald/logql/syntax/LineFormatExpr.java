package io.skald.logql.syntax;

/** {@code | line_format "{{.a}}"}. */
public record LineFormatExpr(String template) implements StageExpr {
    @Override
    public String toString() {
        return "| line_format " + Strings.quote(template);
    }
}
