package io.skald.compactor.support;

import io.skald.index.IndexStore;
import io.skald.index.IndexedSegment;
import io.skald.index.TenantDayIndex;
import io.skald.layout.ObjectKeys;
import io.skald.segment.SegmentReader;
import io.skald.segment.SegmentWriter;
import io.skald.storage.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;

/** Writes segments the way the chunker does and indexes them the way the indexer does. */
public final class Segments {

  private final ObjectStore store;
  private final IndexStore indexes;

  public Segments(ObjectStore store) {
    this.store = store;
    this.indexes = new IndexStore(store);
  }

  public static long dayStartNanos(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
  }

  public static byte[] encode(Collection<Entry> entries) {
    SegmentWriter w = new SegmentWriter(4096, 1);
    for (Entry e : entries) {
      w.append(e.labels(), e.ts(), e.line().getBytes(StandardCharsets.UTF_8), e.metadata());
    }
    return w.finish();
  }

  /** Writes a chunker-style segment and adds it to its tenant-day index; returns its key. */
  public String write(
      String tenant, LocalDate day, int partition, long offset, Collection<Entry> entries)
      throws Exception {
    String key = ObjectKeys.segment(tenant, day, partition, offset);
    byte[] bytes = encode(entries);
    store.put(key, bytes);
    index(tenant, day, key, bytes);
    return key;
  }

  public void index(String tenant, LocalDate day, String key, byte[] bytes) throws Exception {
    TenantDayIndex index = indexes.load(tenant, day);
    index.put(new IndexedSegment(key, bytes.length, SegmentReader.readFooter(bytes).streams()));
    indexes.save(index);
  }

  public TenantDayIndex index(String tenant, LocalDate day) throws Exception {
    return indexes.load(tenant, day);
  }
}
