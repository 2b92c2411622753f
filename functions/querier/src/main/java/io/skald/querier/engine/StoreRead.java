package io.skald.querier.engine;

import io.skald.deletes.DeleteFilter;
import io.skald.index.ObjectRangeSource;
import io.skald.querier.params.Direction;
import io.skald.segment.BlockCursor;
import io.skald.segment.BlockRef;
import io.skald.segment.CorruptSegmentException;
import io.skald.segment.SegmentReader;
import io.skald.segment.StoredEntry;
import io.skald.segment.StreamMerge;
import io.skald.storage.NoSuchObjectException;
import io.skald.storage.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One query's reads from the store, made by {@link StoreReader#read}. It is the one place that
 * fetches a block (a ranged GET, then the CRC check and zstd decode), decides what a missing or
 * corrupt object means for a query, hides the lines of the tenant's delete requests, applies the
 * duplicate rule and counts what was read into the query's {@link QueryStats}.
 *
 * <p>Two ways to read, one per engine:
 *
 * <ul>
 *   <li>{@link #entries}: one stream's entries in time order, its parts merged and exact duplicates
 *       dropped ({@link StreamMerge}), blocks fetched as the merge reaches them. The metric engine
 *       reads streams this way.
 *   <li>{@link #blocks} and {@link #open}: single blocks in the order a limited log query wants
 *       them (newest or oldest first), read one at a time without copying lines. The log engine
 *       reads this way, stops as soon as no further block can change its answer, and drops
 *       duplicates among the entries it returns ({@link TopEntries}).
 * </ul>
 *
 * <p>A missing object is one that compaction or retention replaced after the index was read: its
 * blocks are skipped (the entries are in the replacement, which the next index version lists, so a
 * retry sees them). A corrupt block is skipped and logged as an error: one bad object must not fail
 * every query over its day. Any other read failure fails the query. Not thread-safe.
 */
public final class StoreRead {

  private static final Logger LOG = LoggerFactory.getLogger(StoreRead.class);

  /** One block of a selected stream. */
  public record Block(Selection.Stream stream, String segmentKey, BlockRef ref) {}

  /** What a query keeps of one stream: entries in range that no delete request hides. */
  @FunctionalInterface
  public interface EntryFilter {
    /** Whether to keep the entry the cursor is on (at {@code ts}). */
    boolean keeps(long ts, BlockCursor entry);
  }

  private final ObjectStore store;
  private final DeleteFilter deletes;
  private final Selection selection;
  private final QueryStats stats;
  private final Map<Selection.Stream, EntryFilter> filters = new IdentityHashMap<>();

  StoreRead(ObjectStore store, DeleteFilter deletes, Selection selection, QueryStats stats) {
    this.store = store;
    this.deletes = deletes;
    this.selection = selection;
    this.stats = stats;
  }

  public Selection selection() {
    return selection;
  }

  /**
   * Every selected block, newest first (by last entry) for backward queries, oldest first (by first
   * entry) for forward ones: the order in which a limited query can stop early.
   */
  public List<Block> blocks(Direction direction) {
    List<Block> out = new ArrayList<>();
    for (Selection.Stream s : selection.streams()) {
      for (Selection.Part p : s.parts()) {
        for (BlockRef b : p.blocks()) {
          out.add(new Block(s, p.segmentKey(), b));
        }
      }
    }
    out.sort(
        direction == Direction.BACKWARD
            ? Comparator.comparingLong((Block b) -> b.ref().maxTimeNanos()).reversed()
            : Comparator.comparingLong((Block b) -> b.ref().minTimeNanos()));
    return out;
  }

  /**
   * Fetches and decodes one block, or returns null when its object is gone or the block is corrupt.
   * The cursor shares this thread's decode buffer: it is valid until the next block is opened.
   * Checks the query's deadline first.
   */
  public BlockCursor open(Block block) {
    return open(block.segmentKey(), block.ref());
  }

  /** The filter for one selected stream: the range, then the tenant's delete requests. */
  public EntryFilter filter(Selection.Stream stream) {
    return filters.computeIfAbsent(stream, this::newFilter);
  }

  /**
   * One stream's entries in ascending time order: all its parts merged, entries outside the range
   * or hidden by a delete request left out, exact duplicates dropped and counted.
   */
  public StoredEntries entries(Selection.Stream stream) {
    EntryFilter filter = filter(stream);
    List<Selection.Part> parts = stream.parts();
    StreamMerge<RuntimeException> merge =
        new StreamMerge<>(
            parts.stream().map(Selection.Part::blocks).toList(),
            (part, block) -> run(parts.get(part).segmentKey(), block, filter));
    return new StoredEntries(merge, stats);
  }

  /** The kept entries of one block, copied out of the decode buffer. */
  private List<StoredEntry> run(String segmentKey, BlockRef block, EntryFilter filter) {
    BlockCursor c = open(segmentKey, block);
    if (c == null) {
      return List.of();
    }
    List<StoredEntry> run = new ArrayList<>();
    c.seek(selection.range().startNanos());
    while (c.next() && c.timestampNanos() < selection.range().endNanos()) {
      if (filter.keeps(c.timestampNanos(), c)) {
        run.add(StoredEntry.copyOf(c));
      }
    }
    return run;
  }

  private BlockCursor open(String segmentKey, BlockRef block) {
    stats.checkDeadline();
    long started = System.nanoTime();
    BlockCursor cursor;
    try {
      cursor = SegmentReader.openBlock(new ObjectRangeSource(store, segmentKey, -1), block);
    } catch (NoSuchObjectException e) {
      LOG.debug("segment {} vanished during the query", segmentKey);
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + segmentKey, e);
    } catch (CorruptSegmentException e) {
      LOG.error("corrupt block in {} at {}: {}", segmentKey, block.offset(), e.getMessage());
      return null;
    }
    stats.downloadNanos += System.nanoTime() - started;
    stats.blocksDownloaded++;
    stats.compressedBytes += block.length();
    stats.decompressedBytes += block.rawBytes();
    stats.decompressedLines += cursor.entryCount();
    return cursor;
  }

  private EntryFilter newFilter(Selection.Stream stream) {
    DeleteFilter.StreamDeletes hidden =
        deletes.isEmpty() ? null : deletes.forStream(stream.labels());
    if (hidden == null) {
      return (ts, entry) -> selection.inRange(ts);
    }
    if (!hidden.needsLine()) {
      return (ts, entry) -> selection.inRange(ts) && !hidden.deleted(ts, "");
    }
    // Delete queries may filter on structured metadata (`| user="bob"`), as Loki's do.
    return (ts, entry) ->
        selection.inRange(ts)
            && !hidden.deleted(
                ts,
                entry.lineArray(),
                entry.lineOffset(),
                entry.lineLength(),
                entry.structuredMetadata());
  }
}
