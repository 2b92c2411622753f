package io.skald.logql.syntax;

import io.skald.gocompat.GoQuote;

/** {@code label_replace(v, "dst", "replacement", "src", "regex")}; the regex is fully anchored. */
public record LabelReplaceExpr(
    SampleExpr inner, String dst, String replacement, String src, String regex)
    implements SampleExpr {
  @Override
  public String toString() {
    return "label_replace("
        + inner
        + ","
        + GoQuote.quote(dst)
        + ","
        + GoQuote.quote(replacement)
        + ","
        + GoQuote.quote(src)
        + ","
        + GoQuote.quote(regex)
        + ")";
  }
}
