package io.skald.compactor.retention;

import io.skald.labels.LabelSet;
import io.skald.limits.Limits;
import io.skald.limits.RetentionStream;
import io.skald.limits.TenantLimits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves the retention period of a stream as Loki does: the tenant's {@code retention_stream}
 * rules (its own when it overrides them, even with none, otherwise the global ones), where the
 * highest priority wins and a tie goes to the shorter period; without a matching rule the tenant's
 * {@code retention_period}. Zero keeps data forever. Thread-safe.
 */
public final class RetentionPolicy {

  private final TenantLimits limits;

  /** Parsed rules per configured list: tenants sharing the global rules share one parse. */
  private final Map<List<RetentionStream>, List<RetentionRule>> rules = new ConcurrentHashMap<>();

  /**
   * Parses every configured rule at once, so a rule Loki would refuse stops the compactor at start.
   *
   * @throws IllegalArgumentException with Loki's text for a rule it refuses
   */
  public RetentionPolicy(TenantLimits limits) {
    this.limits = limits;
    rules(limits.global());
    limits.overrides().values().forEach(this::rules);
  }

  public static RetentionPolicy keepForever() {
    return new RetentionPolicy(
        TenantLimits.of(Limits.builder().retentionPeriod(Duration.ZERO).build()));
  }

  public Duration periodFor(String tenant, Map<String, String> labels) {
    Limits tenantLimits = limits.forTenant(tenant);
    RetentionRule best = null;
    for (RetentionRule r : rules(tenantLimits)) {
      if (!r.matches(labels)) {
        continue;
      }
      if (best == null
          || r.priority() > best.priority()
          || (r.priority() == best.priority() && r.period().compareTo(best.period()) < 0)) {
        best = r;
      }
    }
    return best != null ? best.period() : tenantLimits.retentionPeriod();
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
    Limits tenantLimits = limits.forTenant(tenant);
    Duration period = tenantLimits.retentionPeriod();
    Duration shortest = period.isZero() ? null : period;
    for (RetentionRule r : rules(tenantLimits)) {
      if (shortest == null || r.period().compareTo(shortest) < 0) {
        shortest = r.period();
      }
    }
    return Optional.ofNullable(shortest);
  }

  private List<RetentionRule> rules(Limits tenantLimits) {
    return rules.computeIfAbsent(
        tenantLimits.retentionStream(),
        configured ->
            configured.stream()
                .map(r -> RetentionRule.of(r.selector(), r.priority(), r.period()))
                .toList());
  }
}
