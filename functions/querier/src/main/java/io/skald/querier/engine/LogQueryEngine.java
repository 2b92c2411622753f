package io.skald.querier.engine;

import io.skald.deletes.DeleteFilter;
import io.skald.index.ObjectRangeSource;
import io.skald.labels.Matcher;
import io.skald.querier.params.Direction;
import io.skald.querier.params.TimeRange;
import io.skald.segment.BlockCursor;
import io.skald.segment.BlockRef;
import io.skald.segment.CorruptSegmentException;
import io.skald.segment.SegmentReader;
import io.skald.storage.NoSuchObjectException;
import io.skald.storage.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers log queries: picks the stored streams whose labels match, reads only their blocks that
 * overlap the time range (newest first for backward queries, oldest first for forward), runs the
 * pipeline, and keeps the first {@code limit} entries. Blocks that cannot improve a full result
 * are skipped without being fetched.
 */
public final class LogQueryEngine {

  private static final Logger LOG = LoggerFactory.getLogger(LogQueryEngine.class);

  private final StreamCatalog catalog;

  public LogQueryEngine(StreamCatalog catalog) {
    this.catalog = catalog;
  }

  /** A block to read, with the stream it belongs to. */
  private record BlockTask(StoredStream stream, BlockRef block) {}

  public record Result(List<ResultStream> streams, QueryStats stats) {}

  public Result select(String tenant, List<Matcher> matchers, EntryPipeline.Factory pipelines,
      TimeRange range, int limit, Direction direction) {
    return select(tenant, matchers, pipelines, range, limit, direction, 0);
  }

  /**
   * @param intervalNanos Loki's {@code interval}: when positive, entries closer than this to the
   *     previously returned one are skipped, so every entry in range has to be considered
   */
  public Result select(String tenant, List<Matcher> matchers, EntryPipeline.Factory pipelines,
      TimeRange range, int limit, Direction direction, long intervalNanos) {
    return select(tenant, matchers, pipelines, range, limit, direction, intervalNanos, Long.MAX_VALUE);
  }

  /** @param deadlineNanos {@code System.nanoTime()} after which the query fails with a timeout */
  public Result select(String tenant, List<Matcher> matchers, EntryPipeline.Factory pipelines,
      TimeRange range, int limit, Direction direction, long intervalNanos, long deadlineNanos) {
    long started = System.nanoTime();
    QueryStats stats = new QueryStats();
    stats.deadlineNanos = deadlineNanos;
    DeleteFilter deletes = catalog.deletes(tenant);
    List<BlockTask> tasks = new ArrayList<>();
    java.util.Set<String> segments = new java.util.HashSet<>();
    for (StoredStream s : catalog.streams(tenant, range)) {
      if (!matches(matchers, s.labels())) {
        continue;
      }
      stats.streams++;
      segments.add(s.segmentKey());
      for (BlockRef b : s.info().blocks()) {
        if (b.maxTimeNanos() >= range.startNanos() && b.minTimeNanos() < range.endNanos()) {
          tasks.add(new BlockTask(s, b));
        }
      }
    }
    stats.segmentsReferenced = segments.size();
    tasks.sort(direction == Direction.BACKWARD
        ? Comparator.comparingLong((BlockTask t) -> t.block().maxTimeNanos()).reversed()
        : Comparator.comparingLong((BlockTask t) -> t.block().minTimeNanos()));

    TopEntries top = new TopEntries(intervalNanos > 0 ? Integer.MAX_VALUE : limit, direction);
    Map<SortedMap<String, String>, EntryPipeline> pipelineByStream = new java.util.HashMap<>();
    for (BlockTask t : tasks) {
      long bound = direction == Direction.BACKWARD ? t.block().maxTimeNanos() : t.block().minTimeNanos();
      if (!top.mightAdmit(bound)) {
        break; // tasks are sorted, so no later block can improve the result either
      }
      stats.checkDeadline();
      EntryPipeline pipeline = pipelineByStream.computeIfAbsent(t.stream().labels(), pipelines::forStream);
      scan(t, pipeline, deletes.isEmpty() ? null : deletes.forStream(t.stream().labels()), range, top, stats);
    }
    stats.duplicates = top.duplicates;
    List<ResultStream> result = top.result(intervalNanos, limit);
    stats.entriesReturned = result.stream().mapToLong(r -> r.entries().size()).sum();
    stats.execNanos = System.nanoTime() - started;
    return new Result(result, stats);
  }

  /** @param deleted the stream's delete requests, or null when none covers it */
  private void scan(BlockTask t, EntryPipeline pipeline, DeleteFilter.StreamDeletes deleted, TimeRange range,
      TopEntries top, QueryStats stats) {
    boolean needsLine = deleted != null && deleted.needsLine();
    ObjectStore store = catalog.store();
    BlockCursor cursor;
    long fetchStart = System.nanoTime();
    try {
      cursor = SegmentReader.openBlock(new ObjectRangeSource(store, t.stream().segmentKey(), -1), t.block());
    } catch (NoSuchObjectException e) {
      // Replaced by compaction or retention after the index was read: the new objects are in
      // the next index version, and a retry of the query sees them.
      LOG.debug("segment {} vanished during the query", t.stream().segmentKey());
      return;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + t.stream().segmentKey(), e);
    } catch (CorruptSegmentException e) {
      LOG.error("corrupt block in {} at {}: {}", t.stream().segmentKey(), t.block().offset(), e.getMessage());
      return;
    }
    stats.downloadNanos += System.nanoTime() - fetchStart;
    stats.blocksDownloaded++;
    stats.compressedBytes += t.block().length();
    stats.decompressedBytes += t.block().rawBytes();
    while (cursor.next()) {
      long ts = cursor.timestampNanos();
      stats.decompressedLines++;
      if (ts < range.startNanos() || ts >= range.endNanos() || !top.mightAdmit(ts)) {
        continue;
      }
      if (deleted != null && deleted.deleted(ts, needsLine ? cursor.lineString() : "")) {
        continue;
      }
      EntryPipeline.Output out = pipeline.process(ts, cursor.lineArray(), cursor.lineOffset(), cursor.lineLength(),
          cursor.structuredMetadata());
      if (out == null) {
        continue;
      }
      stats.postFilterLines++;
      top.offer(new TopEntries.Candidate(ts, out.labelsText(), out.labels(), out.line(), out.metadata(), out.parsed()));
    }
  }

  static boolean matches(List<Matcher> matchers, Map<String, String> labels) {
    for (Matcher m : matchers) {
      if (!m.matches(labels.getOrDefault(m.name(), ""))) {
        return false;
      }
    }
    return true;
  }
}
