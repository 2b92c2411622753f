package io.skald.compactor.retention;

import io.skald.labels.LabelSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves the retention period of a stream as Loki does: the tenant's {@code retention_stream}
 * rules if the tenant sets any (then the global rules are not consulted), otherwise the global
 * rules, where the highest priority wins and a tie goes to the shorter period; without a matching
 * rule the tenant's {@code retention_period}, then the global one. Zero keeps data forever.
 */
public final class RetentionPolicy {

  private final RetentionLimits global;
  private final Map<String, RetentionLimits> overrides;

  public RetentionPolicy(RetentionLimits global, Map<String, RetentionLimits> overrides) {
    Objects.requireNonNull(global.retentionPeriod(), "global retention_period");
    Objects.requireNonNull(global.retentionStream(), "global retention_stream");
    this.global = global;
    this.overrides = Map.copyOf(overrides);
  }

  public static RetentionPolicy keepForever() {
    return new RetentionPolicy(RetentionLimits.defaults(), Map.of());
  }

  public Duration periodFor(String tenant, Map<String, String> labels) {
    RetentionLimits tenantLimits = overrides.getOrDefault(tenant, RetentionLimits.unset());
    List<RetentionRule> rules = tenantLimits.retentionStream() != null
        ? tenantLimits.retentionStream() : global.retentionStream();
    RetentionRule best = null;
    for (RetentionRule r : rules) {
      if (!r.matches(labels)) {
        continue;
      }
      if (best == null || r.priority() > best.priority()
          || (r.priority() == best.priority() && r.period().compareTo(best.period()) < 0)) {
        best = r;
      }
    }
    if (best != null) {
      return best.period();
    }
    return tenantLimits.retentionPeriod() != null
        ? tenantLimits.retentionPeriod() : global.retentionPeriod();
  }

  /** The same, for a canonical labels string as stored in segments and the index. */
  public Duration periodFor(String tenant, String labels) {
    return periodFor(tenant, LabelSet.parse(labels).asMap());
  }

  /**
   * The shortest non-zero period any stream of the tenant can get, or empty when the tenant keeps
   * everything forever. A day that started after {@code now - shortest} cannot hold expired data.
   */
  public Optional<Duration> shortestPeriod(String tenant) {
    RetentionLimits t = overrides.getOrDefault(tenant, RetentionLimits.unset());
    List<RetentionRule> rules = t.retentionStream() != null ? t.retentionStream() : global.retentionStream();
    Duration period = t.retentionPeriod() != null ? t.retentionPeriod() : global.retentionPeriod();
    Duration shortest = period.isZero() ? null : period;
    for (RetentionRule r : rules) {
      if (shortest == null || r.period().compareTo(shortest) < 0) {
        shortest = r.period();
      }
    }
    return Optional.ofNullable(shortest);
  }
}
