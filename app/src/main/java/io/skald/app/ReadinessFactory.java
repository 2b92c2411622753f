package io.skald.app;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.skald.bus.Bus;
import io.skald.health.Readiness;
import io.skald.health.ReadinessCheck;
import io.skald.health.Targets;
import io.skald.storage.ObjectStore;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * What {@code /ready} checks in this process: the shared dependencies the process's targets use
 * (the bus for ingest, chunker and compactor; the object store for chunker, compactor and querier),
 * plus every {@link ReadinessCheck} the functions contribute (their loop threads, the push route).
 * A target that does not use a dependency neither creates nor checks it.
 */
@Factory
public class ReadinessFactory {

  /** Below {@link Readiness#DEFAULT_TIMEOUT}, so a slow broker is reported with Kafka's reason. */
  static final Duration PROBE_TIMEOUT = Duration.ofMillis(1500);

  /** A prefix no object has: listing it proves the endpoint, credentials and bucket cheaply. */
  static final String PROBE_PREFIX = "skald-readiness-probe/";

  @Singleton
  @Named("bus")
  @Requires(property = "skald.target", pattern = Targets.USES_BUS)
  ReadinessCheck busReadiness(Bus bus) {
    return ReadinessCheck.of(
        "bus",
        () -> {
          try {
            bus.ping(PROBE_TIMEOUT);
          } catch (RuntimeException e) {
            throw new IllegalStateException("not reachable: " + e.getMessage(), e);
          }
        });
  }

  @Singleton
  @Named("object-store")
  @Requires(property = "skald.target", pattern = Targets.USES_OBJECT_STORE)
  ReadinessCheck objectStoreReadiness(ObjectStore store) {
    return ReadinessCheck.of(
        "object store",
        () -> {
          try {
            store.list(PROBE_PREFIX);
          } catch (Exception e) {
            throw new IllegalStateException("not reachable: " + e.getMessage(), e);
          }
        });
  }

  @Singleton
  @Bean(preDestroy = "close")
  Readiness readiness(List<ReadinessCheck> checks) {
    return new Readiness(
        checks.stream().sorted(Comparator.comparing(ReadinessCheck::name)).toList());
  }
}
