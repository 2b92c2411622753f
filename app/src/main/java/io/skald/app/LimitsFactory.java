package io.skald.app;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.core.type.Argument;
import io.skald.limits.Limits;
import io.skald.limits.TenantLimits;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the limits once for every function of the process: {@code skald.limits.*} for everyone,
 * {@code skald.overrides.<tenant>.retention-period} and {@code retention-stream} per tenant. The
 * push route, the querier and the compactor receive the {@link TenantLimits} and look a tenant's
 * limits up per request.
 */
@Factory
public class LimitsFactory {

  /** Before the limits were shared, the push route had its own names for its rate limit. */
  static final Map<String, String> RENAMED =
      Map.of(
          "skald.ingest.ingestion-rate-mb", "skald.limits.ingestion-rate-mb",
          "skald.ingest.ingestion-burst-size-mb", "skald.limits.ingestion-burst-size-mb");

  private static final Logger LOG = LoggerFactory.getLogger(LimitsFactory.class);

  @Singleton
  TenantLimits tenantLimits(LimitsConfig config, Environment env) {
    Limits.Builder global = config.toBuilder();
    if (config.ingestionRateMb() == null) {
      renamed(env, "skald.ingest.ingestion-rate-mb").ifPresent(global::ingestionRateMb);
    }
    if (config.ingestionBurstSizeMb() == null) {
      renamed(env, "skald.ingest.ingestion-burst-size-mb").ifPresent(global::ingestionBurstSizeMb);
    }
    Limits limits = global.build();
    Map<String, Object> overrides =
        env.getProperty("skald.overrides", Argument.mapOf(String.class, Object.class))
            .orElse(Map.of());
    return new TenantLimits(limits, RetentionStreamBinding.overrides(overrides, limits));
  }

  private static Optional<Double> renamed(Environment env, String old) {
    Optional<Double> value = env.getProperty(old, Double.class);
    value.ifPresent(v -> LOG.warn("{} is deprecated, use {}", old, RENAMED.get(old)));
    return value;
  }
}
