package io.skald.logql.syntax;

import io.skald.gocompat.GoQuote;

/** One {@code dst=src} rename or {@code dst="{{template}}"} entry of {@code | label_format}. */
public record LabelFormat(String name, String value, boolean rename) {
  public static LabelFormat rename(String name, String source) {
    return new LabelFormat(name, source, true);
  }

  public static LabelFormat template(String name, String template) {
    return new LabelFormat(name, template, false);
  }

  @Override
  public String toString() {
    return name + "=" + (rename ? value : GoQuote.quote(value));
  }
}
