package io.skald.compactor;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.skald.health.Targets;
import io.skald.index.IndexStore;
import io.skald.storage.ObjectStore;
import jakarta.inject.Singleton;

/**
 * The compactor's shared pieces: one indexer and its lock per process, whoever delivers the events.
 */
@Factory
@Requires(property = "skald.target", pattern = Targets.COMPACTOR)
public class SharedIndexerFactory {

  @Singleton
  SharedIndexer sharedIndexer(ObjectStore store, MeterRegistry meters) {
    return new SharedIndexer(new SegmentIndexer(new IndexStore(store), meters));
  }
}
