package io.skald.compactor.events;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.skald.bus.Bus;
import io.skald.bus.DeadLetterPublisher;
import io.skald.compactor.CompactorConfig;
import io.skald.compactor.SharedIndexer;
import io.skald.compactor.sweep.CompactionSweep;
import io.skald.health.Targets;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Builds the handlers behind {@link CloudEventsController}. */
@Factory
@Requires(property = "skald.target", pattern = Targets.COMPACTOR)
public class CompactorEventsFactory {

  @Singleton
  StorageEventHandler storageEventHandler(
      SharedIndexer indexer, Bus bus, CompactorConfig config, Clock clock) {
    return new StorageEventHandler(
        indexer, new DeadLetterPublisher(bus.producer(), config.deadLetterTopic()), clock);
  }

  @Singleton
  CronTickHandler cronTickHandler(CompactionSweep sweep, Clock clock) {
    return new CronTickHandler(() -> sweep.run().summary(), clock);
  }
}
