package io.skald.logql.syntax;

import io.skald.gocompat.GoQuote;

/**
 * {@code label="expression"} in {@code | json} and {@code | logfmt}; a bare name means both are
 * equal.
 */
public record LabelExtraction(String label, String expression) {
  @Override
  public String toString() {
    return label.equals(expression) ? label : label + "=" + GoQuote.quote(expression);
  }
}
