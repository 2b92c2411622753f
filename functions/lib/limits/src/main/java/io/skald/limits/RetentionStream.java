package io.skald.limits;

import java.time.Duration;

/**
 * One {@code retention_stream} rule as configured: streams matching {@code selector} (label
 * matchers only, e.g. {@code {namespace="dev"}}) keep their data for {@code period}; among several
 * matching rules the highest {@code priority} wins. The compactor parses the selector and applies
 * Loki's further rules (a period of at least 24h, a selective matcher) when it starts.
 */
public record RetentionStream(String selector, int priority, Duration period) {

  public RetentionStream {
    if (selector == null || selector.isBlank()) {
      throw new IllegalArgumentException("limits: retention_stream rule needs a selector");
    }
    if (period == null || period.isNegative()) {
      throw new IllegalArgumentException(
          "limits: retention_stream rule "
              + selector
              + " needs a period of at least 0, got "
              + period);
    }
  }
}
