package io.skald.logql.syntax;

import io.skald.gocompat.GoQuote;

/** {@code | addr = ip("10.0.0.0/8")} or {@code != ip(...)}. */
public record IpLabelFilter(String name, boolean negated, String pattern) implements LabelFilter {
  @Override
  public String toString() {
    return name + (negated ? "!=" : "=") + "ip(" + GoQuote.quote(pattern) + ")";
  }
}
