package io.skald.logql.syntax;

/** {@code label_replace(v, "dst", "replacement", "src", "regex")}; the regex is fully anchored. */
public record LabelReplaceExpr(SampleExpr inner, String dst, String replacement, String src, String regex)
        implements SampleExpr {
    @Override
    public String toString() {
        return "label_replace(" + inner + "," + Strings.quote(dst) + "," + Strings.quote(replacement) + ","
                + Strings.quote(src) + "," + Strings.quote(regex) + ")";
    }
}
