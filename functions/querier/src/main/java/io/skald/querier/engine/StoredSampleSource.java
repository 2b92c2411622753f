package io.skald.querier.engine;

import io.skald.deletes.DeleteFilter;
import io.skald.index.ObjectRangeSource;
import io.skald.labels.Label;
import io.skald.labels.LabelSet;
import io.skald.logql.engine.SampleIterator;
import io.skald.logql.engine.SampleIterators;
import io.skald.logql.engine.SampleSelection;
import io.skald.logql.engine.SampleSource;
import io.skald.querier.params.TimeRange;
import io.skald.segment.BlockCursor;
import io.skald.segment.BlockRef;
import io.skald.segment.CorruptSegmentException;
import io.skald.segment.SegmentReader;
import io.skald.storage.NoSuchObjectException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the metric engine from storage: for each matching stream, the entries of every block in
 * range, in time order and with exact duplicates dropped (replays and overlapping segments), run
 * through the engine's extractor.
 */
public final class StoredSampleSource implements SampleSource {

  private static final Logger LOG = LoggerFactory.getLogger(StoredSampleSource.class);

  private final StreamCatalog catalog;
  private final String tenant;
  private final QueryStats stats;

  public StoredSampleSource(StreamCatalog catalog, String tenant, QueryStats stats) {
    this.catalog = catalog;
    this.tenant = tenant;
    this.stats = stats;
  }

  private record Entry(long ts, byte[] line, List<Label> metadata) {}

  @Override
  public SampleIterator select(SampleSelection sel) {
    TimeRange range = new TimeRange(sel.startNanos(), sel.endNanos());
    Map<SortedMap<String, String>, List<StoredStream>> byStream = new LinkedHashMap<>();
    for (StoredStream s : catalog.streams(tenant, range)) {
      if (LogQueryEngine.matches(sel.matchers(), s.labels())) {
        byStream.computeIfAbsent(s.labels(), k -> new ArrayList<>()).add(s);
      }
    }
    List<SampleIterator> iterators = new ArrayList<>(byStream.size());
    DeleteFilter deletes = catalog.deletes(tenant);
    byStream.forEach((labels, parts) -> {
      List<Entry> entries = withoutDeleted(read(parts, range), deletes.isEmpty() ? null : deletes.forStream(labels));
      if (!entries.isEmpty()) {
        stats.streams++;
        iterators.add(SampleIterators.extract(cursor(entries), sel.extractor().forStream(LabelSet.of(labels)),
            sel.startNanos(), sel.endNanos()));
      }
    });
    return SampleIterators.merge(iterators);
  }

  /** Drops the entries the tenant's delete requests cover. */
  private static List<Entry> withoutDeleted(List<Entry> entries, DeleteFilter.StreamDeletes deleted) {
    if (deleted == null) {
      return entries;
    }
    boolean needsLine = deleted.needsLine();
    List<Entry> out = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      if (!deleted.deleted(e.ts(), needsLine ? new String(e.line(), StandardCharsets.UTF_8) : "")) {
        out.add(e);
      }
    }
    return out;
  }

  private List<Entry> read(List<StoredStream> parts, TimeRange range) {
    List<Entry> out = new ArrayList<>();
    for (StoredStream part : parts) {
      for (BlockRef b : part.info().blocks()) {
        if (b.overlaps(range.startNanos(), range.endNanos())) {
          readBlock(part.segmentKey(), b, range, out);
        }
      }
    }
    out.sort(Comparator.comparingLong(Entry::ts));
    return dedupe(out);
  }

  private void readBlock(String key, BlockRef b, TimeRange range, List<Entry> out) {
    stats.checkDeadline();
    BlockCursor c;
    try {
      c = SegmentReader.openBlock(new ObjectRangeSource(catalog.store(), key, -1), b);
    } catch (NoSuchObjectException e) {
      return; // replaced after the index was read; a retry sees the new index
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + key, e);
    } catch (CorruptSegmentException e) {
      LOG.warn("skipping corrupt block of {} at {}: {}", key, b.offset(), e.getMessage());
      return;
    }
    stats.blocksDownloaded++;
    stats.compressedBytes += b.length();
    stats.decompressedBytes += b.rawBytes();
    while (c.next()) {
      stats.decompressedLines++;
      long ts = c.timestampNanos();
      if (ts >= range.startNanos() && ts < range.endNanos()) {
        out.add(new Entry(ts, c.lineBytes(), metadata(c)));
      }
    }
  }

  private static List<Label> metadata(BlockCursor c) {
    int n = c.structuredMetadataCount();
    if (n == 0) {
      return List.of();
    }
    List<Label> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new Label(c.structuredMetadataName(i), c.structuredMetadataValue(i)));
    }
    return out;
  }

  /** Entries are sorted by time; duplicates are adjacent within one timestamp. */
  private static List<Entry> dedupe(List<Entry> sorted) {
    List<Entry> out = new ArrayList<>(sorted.size());
    int groupStart = 0;
    for (Entry e : sorted) {
      if (!out.isEmpty() && out.get(out.size() - 1).ts() != e.ts()) {
        groupStart = out.size();
      }
      boolean duplicate = false;
      for (int i = groupStart; i < out.size(); i++) {
        Entry o = out.get(i);
        if (Arrays.equals(o.line(), e.line()) && o.metadata().equals(e.metadata())) {
          duplicate = true;
          break;
        }
      }
      if (!duplicate) {
        out.add(e);
      }
    }
    return out;
  }

  private static SampleIterators.EntryCursor cursor(List<Entry> entries) {
    return new SampleIterators.EntryCursor() {
      private int i = -1;

      @Override
      public boolean next() {
        return ++i < entries.size();
      }

      @Override
      public long timestampNanos() {
        return entries.get(i).ts();
      }

      @Override
      public byte[] lineArray() {
        return entries.get(i).line();
      }

      @Override
      public int lineOffset() {
        return 0;
      }

      @Override
      public int lineLength() {
        return entries.get(i).line().length;
      }

      @Override
      public List<Label> structuredMetadata() {
        return entries.get(i).metadata();
      }
    };
  }
}
