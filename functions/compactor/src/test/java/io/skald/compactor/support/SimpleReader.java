package io.skald.compactor.support;

import io.skald.index.IndexStore;
import io.skald.index.IndexedSegment;
import io.skald.index.ObjectRangeSource;
import io.skald.index.TenantDayIndex;
import io.skald.segment.BlockCursor;
import io.skald.segment.BlockRef;
import io.skald.segment.SegmentReader;
import io.skald.segment.StreamInfo;
import io.skald.storage.ObjectStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The simplest possible query path: for one stream and [from, to), read every indexed segment's
 * matching blocks with ranged reads and return the entries sorted, exact duplicates dropped (as the
 * querier does). Fails loudly if the index references a missing or broken object.
 */
public final class SimpleReader {

  private final ObjectStore store;
  private final IndexStore indexes;

  public SimpleReader(ObjectStore store) {
    this.store = store;
    this.indexes = new IndexStore(store);
  }

  public List<Entry> read(String tenant, LocalDate day, String labels, long from, long to)
      throws Exception {
    return read(indexes.load(tenant, day), labels, from, to);
  }

  /** Reads through an index copy a reader loaded earlier (objects must still exist). */
  public List<Entry> read(TenantDayIndex snapshot, String labels, long from, long to)
      throws Exception {
    TreeSet<Entry> out = new TreeSet<>(Entry.ORDER);
    for (IndexedSegment seg : snapshot.segments()) {
      ObjectRangeSource src = new ObjectRangeSource(store, seg.key(), seg.size());
      for (StreamInfo s : seg.streams()) {
        if (!s.labels().equals(labels)) {
          continue;
        }
        for (BlockRef b : s.blocksOverlapping(from, to)) {
          BlockCursor c = SegmentReader.openBlock(src, b);
          c.seek(from);
          while (c.next() && c.timestampNanos() < to) {
            out.add(new Entry(labels, c.timestampNanos(), c.lineString(), c.structuredMetadata()));
          }
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** Every entry of every stream of the tenant-day. */
  public List<Entry> readAll(String tenant, LocalDate day) throws Exception {
    TreeSet<String> labels = new TreeSet<>();
    for (IndexedSegment seg : indexes.load(tenant, day).segments()) {
      seg.streams().forEach(s -> labels.add(s.labels()));
    }
    List<Entry> out = new ArrayList<>();
    for (String l : labels) {
      out.addAll(read(tenant, day, l, Long.MIN_VALUE, Long.MAX_VALUE));
    }
    return out;
  }
}
