package io.skald.limits;

import java.util.Map;
import java.util.Objects;

/**
 * The limits each tenant gets: its own record where the configuration overrides some fields for it
 * ({@code skald.overrides.<tenant>.*}), otherwise the global one. Functions look the limits up per
 * request with {@link #forTenant}, so a later source of overrides (a runtime config file, as
 * Loki's) changes nothing for them. Immutable.
 */
public final class TenantLimits {

  private final Limits global;
  private final Map<String, Limits> overrides;

  /**
   * @param global what every tenant without overrides gets
   * @param overrides tenant → its complete limits (the global ones with its overrides applied)
   */
  public TenantLimits(Limits global, Map<String, Limits> overrides) {
    this.global = Objects.requireNonNull(global, "global");
    this.overrides = Map.copyOf(overrides);
  }

  /** The same limits for every tenant. */
  public static TenantLimits of(Limits global) {
    return new TenantLimits(global, Map.of());
  }

  public Limits global() {
    return global;
  }

  public Limits forTenant(String tenant) {
    return overrides.getOrDefault(tenant, global);
  }

  /** The tenants with overrides and their complete limits. */
  public Map<String, Limits> overrides() {
    return overrides;
  }

  @Override
  public String toString() {
    return "TenantLimits[global, overrides for " + overrides.keySet() + "]";
  }
}
