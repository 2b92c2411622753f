package io.skald.index;

import io.skald.layout.ObjectKeys;
import io.skald.storage.ObjectStore;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Optional;

/** Loads and saves tenant-day indexes as objects in the object store. */
public final class IndexStore {

  private final ObjectStore store;

  public IndexStore(ObjectStore store) {
    this.store = store;
  }

  public TenantDayIndex load(String tenant, LocalDate day)
      throws IOException, CorruptIndexException {
    Optional<byte[]> bytes = store.get(ObjectKeys.index(tenant, day));
    return bytes.isPresent() ? IndexCodec.decode(bytes.get()) : TenantDayIndex.empty(tenant, day);
  }

  public void save(TenantDayIndex index) throws IOException {
    store.put(ObjectKeys.index(index.tenant(), index.day()), IndexCodec.encode(index));
  }

  public ObjectStore objects() {
    return store;
  }
}
