package io.skald.routes.storageevents;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.skald.bus.Bus;
import io.skald.health.ReadinessCheck;
import io.skald.health.Targets;
import io.skald.routes.storageevents.route.StorageEventsPipeline;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * Runs the storage-events route beside the compactor when {@code skald.storage-events.enabled} is
 * set: the compactor is the function that consumes what the route produces, so the route goes where
 * the compactor goes (target {@code compactor} or {@code all}).
 */
@Context
@Requires(property = "skald.target", pattern = Targets.COMPACTOR)
@Requires(property = "skald.storage-events.enabled", value = "true")
public final class StorageEventsService implements ReadinessCheck {

  private final Bus bus;
  private final StorageEventsConfig config;
  private final String bucket;
  private StorageEventsPipeline pipeline;

  public StorageEventsService(
      Bus bus,
      StorageEventsConfig config,
      @Value("${skald.storage.bucket:loki-chunks}") String storageBucket) {
    this.bus = bus;
    this.config = config;
    this.bucket =
        config.bucket() == null || config.bucket().isBlank() ? storageBucket : config.bucket();
  }

  @PostConstruct
  void start() throws Exception {
    pipeline =
        StorageEventsPipeline.start(
            bus,
            new StorageEventsPipeline.Topics(
                config.sourceTopic(),
                config.targetTopic(),
                config.deadLetterTopic(),
                config.consumerGroup()),
            bucket);
  }

  @Override
  public String name() {
    return "storage-events";
  }

  /** A dead feed leaves the process up but turning no notification into events: report it. */
  @Override
  public void check() {
    if (pipeline == null || !pipeline.isRunning()) {
      throw new IllegalStateException(
          "the storage-events route is not consuming " + config.sourceTopic());
    }
  }

  @PreDestroy
  void stop() throws Exception {
    if (pipeline != null) {
      pipeline.close();
    }
  }
}
