package io.skald.querier;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.skald.deletes.AdminStore;
import io.skald.deletes.DeleteRequestStore;
import io.skald.deletes.DeletionConfig;
import io.skald.deletes.TenantDeleteFilters;
import io.skald.health.Targets;
import io.skald.querier.engine.LogQueryEngine;
import io.skald.querier.engine.MetadataQueries;
import io.skald.querier.engine.StoreReader;
import io.skald.querier.engine.StreamCatalog;
import io.skald.storage.ObjectStore;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** Wires the query engine over the shared object store. */
@Factory
@Requires(property = "skald.target", pattern = Targets.QUERIER)
public class QuerierFactory {

  /** How long a querier filters with a tenant's delete requests before re-reading them. */
  static final Duration DELETES_CACHE = Duration.ofSeconds(1);

  @Singleton
  StreamCatalog streamCatalog(ObjectStore store, AdminStore admin, Clock clock) {
    // Only the querying side of the store is used: DeletionConfig's propagation delay (Loki's 15m).
    DeleteRequestStore requests =
        new DeleteRequestStore(admin.store(), clock, DeletionConfig.defaults());
    return new StreamCatalog(store, new TenantDeleteFilters(requests, clock, DELETES_CACHE));
  }

  @Singleton
  StoreReader storeReader(StreamCatalog catalog) {
    return new StoreReader(catalog);
  }

  @Singleton
  LogQueryEngine logQueryEngine(StoreReader reader) {
    return new LogQueryEngine(reader);
  }

  @Singleton
  io.skald.querier.engine.VolumeQueries volumeQueries(StoreReader reader) {
    return new io.skald.querier.engine.VolumeQueries(reader);
  }

  @Singleton
  MetadataQueries metadataQueries(StoreReader reader) {
    return new MetadataQueries(reader);
  }
}
