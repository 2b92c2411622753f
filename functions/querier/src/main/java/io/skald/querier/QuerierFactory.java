package io.skald.querier;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.skald.querier.engine.LogQueryEngine;
import io.skald.querier.engine.MetadataQueries;
import io.skald.querier.engine.StreamCatalog;
import io.skald.storage.ObjectStore;
import jakarta.inject.Singleton;

/** Wires the query engine over the shared object store. */
@Factory
@Requires(property = "skald.target", pattern = QuerierFactory.TARGETS)
public class QuerierFactory {

  public static final String TARGETS = "(.*,)?(all|querier)(,.*)?";

  @Singleton
  StreamCatalog streamCatalog(ObjectStore store) {
    return new StreamCatalog(store);
  }

  @Singleton
  LogQueryEngine logQueryEngine(StreamCatalog catalog) {
    return new LogQueryEngine(catalog);
  }

  @Singleton
  io.skald.querier.engine.VolumeQueries volumeQueries(StreamCatalog catalog) {
    return new io.skald.querier.engine.VolumeQueries(catalog);
  }

  @Singleton
  MetadataQueries metadataQueries(StreamCatalog catalog) {
    return new MetadataQueries(catalog);
  }
}
