package io.skald.index;

import io.skald.segment.RangeSource;
import io.skald.storage.ObjectStore;
import java.io.IOException;

/** Lets the segment reader fetch byte ranges of an object with ranged GETs. */
public final class ObjectRangeSource implements RangeSource {

  private final ObjectStore store;
  private final String key;
  private final long size;

  public ObjectRangeSource(ObjectStore store, String key, long size) {
    this.store = store;
    this.key = key;
    this.size = size;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public byte[] read(long offset, int length) throws IOException {
    return store.getRange(key, offset, length);
  }
}
