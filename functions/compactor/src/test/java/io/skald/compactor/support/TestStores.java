package io.skald.compactor.support;

import io.skald.layout.ObjectKeys;
import io.skald.segment.SegmentWriter;
import io.skald.storage.ObjectInfo;
import io.skald.storage.ObjectStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Segments written the way the chunker writes them, and a store that can be made unreachable. */
public final class TestStores {

  private TestStores() {}

  public static String writeSegment(
      ObjectStore store, String tenant, LocalDate day, long offset, String... lines)
      throws IOException {
    SegmentWriter w = new SegmentWriter();
    long ts = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L + offset;
    for (String l : lines) {
      w.append("{app=\"catch-up\"}", ts++, l.getBytes(StandardCharsets.UTF_8), List.of());
    }
    String key = ObjectKeys.segment(tenant, day, 0, offset);
    store.put(key, w.finish());
    return key;
  }

  /** Delegates until {@link #down} is set; then every call fails as an unreachable S3 would. */
  public static final class Switchable implements ObjectStore {
    private final ObjectStore delegate;
    public volatile boolean down;

    public Switchable(ObjectStore delegate) {
      this.delegate = delegate;
    }

    private void check() throws IOException {
      if (down) {
        throw new IOException("connection refused (test)");
      }
    }

    @Override
    public String bucket() {
      return delegate.bucket();
    }

    @Override
    public void put(String key, byte[] data) throws IOException {
      check();
      delegate.put(key, data);
    }

    @Override
    public Optional<byte[]> get(String key) throws IOException {
      check();
      return delegate.get(key);
    }

    @Override
    public byte[] getRange(String key, long offset, int length) throws IOException {
      check();
      return delegate.getRange(key, offset, length);
    }

    @Override
    public Optional<ObjectInfo> head(String key) throws IOException {
      check();
      return delegate.head(key);
    }

    @Override
    public List<ObjectInfo> list(String prefix) throws IOException {
      check();
      return delegate.list(prefix);
    }

    @Override
    public void delete(String key) throws IOException {
      check();
      delegate.delete(key);
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
