package io.skald.compactor.retention;

import java.time.Duration;
import java.util.List;

/**
 * Retention limits of one level, global ({@code limits_config}) or one tenant's overrides. In an
 * override a {@code null} field means "not set", so the global value applies; an empty
 * {@code retentionStream} list that is set still hides the global rules, as in Loki.
 *
 * @param retentionPeriod {@code retention_period}; zero keeps data forever
 * @param retentionStream {@code retention_stream} rules
 */
public record RetentionLimits(Duration retentionPeriod, List<RetentionRule> retentionStream) {

  public RetentionLimits {
    if (retentionPeriod != null && retentionPeriod.isNegative()) {
      throw new IllegalArgumentException("retention_period must not be negative: " + retentionPeriod);
    }
    retentionStream = retentionStream == null ? null : List.copyOf(retentionStream);
  }

  /** Loki's defaults: no stream rules and {@code retention_period: 0s} (keep forever). */
  public static RetentionLimits defaults() {
    return new RetentionLimits(Duration.ZERO, List.of());
  }

  /** A tenant override that sets nothing. */
  public static RetentionLimits unset() {
    return new RetentionLimits(null, null);
  }
}
