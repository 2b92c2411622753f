package io.skald.deletes;

import io.skald.storage.ObjectStore;
import java.util.Objects;

/**
 * The admin bucket ({@code skald.storage.admin-bucket}, Loki's {@code loki-admin}), where delete
 * requests live. A holder type so it never competes with the segments {@link ObjectStore} for
 * injection.
 */
public record AdminStore(ObjectStore store) implements AutoCloseable {

  public AdminStore {
    Objects.requireNonNull(store, "store");
  }

  @Override
  public void close() {
    store.close();
  }
}
