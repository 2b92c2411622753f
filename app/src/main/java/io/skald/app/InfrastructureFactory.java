package io.skald.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.skald.bus.Bus;
import io.skald.bus.kafka.KafkaBus;
import io.skald.bus.kafka.KafkaBusConfig;
import io.skald.bus.local.LocalLogBus;
import io.skald.bus.local.LocalLogConfig;
import io.skald.deletes.AdminStore;
import io.skald.storage.FileSystemObjectStore;
import io.skald.storage.ObjectStore;
import io.skald.storage.S3Config;
import io.skald.storage.S3ObjectStore;
import io.skald.tenancy.TenantResolver;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Builds the third-party and infrastructure objects every function shares. */
@Factory
public class InfrastructureFactory {

  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Singleton
  PrometheusMeterRegistry prometheusRegistry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    return registry;
  }

  @Singleton
  MeterRegistry meterRegistry(PrometheusMeterRegistry prometheus) {
    return prometheus;
  }

  @Singleton
  TenantResolver tenantResolver(AuthConfig auth) {
    return new TenantResolver(auth.enabled(), auth.noAuthTenant());
  }

  @Singleton
  @Bean(preDestroy = "close")
  Bus bus(BusConfig config, SkaldConfig skald) {
    if (config.kind().equals("kafka")) {
      if (config.kafkaBootstrapServers() == null || config.kafkaBootstrapServers().isBlank()) {
        throw new IllegalArgumentException(
            "skald.bus.kafka-bootstrap-servers is required when skald.bus.kind=kafka");
      }
      return new KafkaBus(
          new KafkaBusConfig(
              config.kafkaBootstrapServers(),
              config.partitions(),
              Map.of(),
              config.kafkaReplicationFactor(),
              config.timeout(),
              config.kafkaProperties() == null ? Map.of() : config.kafkaProperties()));
    }
    return LocalLogBus.open(
        new LocalLogConfig(
            Path.of(skald.dataDir(), "bus"),
            config.partitions(),
            Map.of(),
            LocalLogConfig.DEFAULT_SEGMENT_BYTES,
            config.timeout(),
            LocalLogConfig.DEFAULT_RETENTION));
  }

  @Singleton
  @Bean(preDestroy = "close")
  ObjectStore objectStore(StorageConfig config, SkaldConfig skald) {
    return open(config, skald.dataDir(), config.bucket());
  }

  /** The admin bucket (delete requests): the same store settings, another bucket. */
  @Singleton
  @Bean(preDestroy = "close")
  AdminStore adminStore(StorageConfig config, SkaldConfig skald) {
    return new AdminStore(open(config, skald.dataDir(), config.adminBucket()));
  }

  static ObjectStore open(StorageConfig config, String dataDir, String bucket) {
    if (config.kind().equals("s3")) {
      return new S3ObjectStore(
          new S3Config(
              config.s3Endpoint() == null || config.s3Endpoint().isBlank()
                  ? null
                  : URI.create(config.s3Endpoint()),
              config.s3Region(),
              bucket,
              config.s3AccessKey(),
              config.s3SecretKey(),
              config.s3PathStyle()));
    }
    try {
      return new FileSystemObjectStore(Path.of(dataDir, "objects", bucket), bucket);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the object store under " + dataDir, e);
    }
  }
}
