package io.skald.querier.engine;

import io.skald.labels.Matcher;
import io.skald.querier.params.Direction;
import io.skald.querier.params.TimeRange;
import io.skald.segment.BlockCursor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Answers log queries: reads the selected blocks through the store read path ({@link StoreRead})
 * newest first for backward queries, oldest first for forward, runs the pipeline, and keeps the
 * first {@code limit} entries. Blocks that cannot improve a full result are skipped without being
 * fetched.
 */
public final class LogQueryEngine {

  private final StoreReader reader;

  public LogQueryEngine(StoreReader reader) {
    this.reader = reader;
  }

  public LogQueryEngine(StreamCatalog catalog) {
    this(new StoreReader(catalog));
  }

  public record Result(List<ResultStream> streams, QueryStats stats) {}

  public Result select(
      String tenant,
      List<Matcher> matchers,
      EntryPipeline.Factory pipelines,
      TimeRange range,
      int limit,
      Direction direction) {
    return select(tenant, matchers, pipelines, range, limit, direction, 0);
  }

  /**
   * @param intervalNanos Loki's {@code interval}: when positive, entries closer than this to the
   *     previously returned one are skipped, so every entry in range has to be considered
   */
  public Result select(
      String tenant,
      List<Matcher> matchers,
      EntryPipeline.Factory pipelines,
      TimeRange range,
      int limit,
      Direction direction,
      long intervalNanos) {
    return select(
        new Request(
            tenant, matchers, pipelines, range, limit, direction, intervalNanos, Long.MAX_VALUE));
  }

  /**
   * One log query.
   *
   * @param intervalNanos Loki's {@code interval}, 0 for none
   * @param deadlineNanos {@code System.nanoTime()} after which the query fails with a timeout
   */
  public record Request(
      String tenant,
      List<Matcher> matchers,
      EntryPipeline.Factory pipelines,
      TimeRange range,
      int limit,
      Direction direction,
      long intervalNanos,
      long deadlineNanos) {}

  public Result select(Request q) {
    long started = System.nanoTime();
    QueryStats stats = new QueryStats();
    stats.deadlineNanos = q.deadlineNanos();
    StoreRead read = reader.read(q.tenant(), q.range(), q.matchers(), stats);
    TopEntries top =
        new TopEntries(q.intervalNanos() > 0 ? Integer.MAX_VALUE : q.limit(), q.direction());
    Map<SortedMap<String, String>, EntryPipeline> pipelineByStream = new HashMap<>();
    for (StoreRead.Block b : read.blocks(q.direction())) {
      long bound =
          q.direction() == Direction.BACKWARD ? b.ref().maxTimeNanos() : b.ref().minTimeNanos();
      if (!top.mightAdmit(bound)) {
        break; // blocks are sorted, so no later block can improve the result either
      }
      EntryPipeline pipeline =
          pipelineByStream.computeIfAbsent(b.stream().labels(), q.pipelines()::forStream);
      scan(read, b, pipeline, top, stats);
    }
    stats.duplicates += top.duplicates;
    List<ResultStream> result = top.result(q.intervalNanos(), q.limit());
    stats.entriesReturned = result.stream().mapToLong(r -> r.entries().size()).sum();
    stats.execNanos = System.nanoTime() - started;
    return new Result(result, stats);
  }

  private static void scan(
      StoreRead read, StoreRead.Block b, EntryPipeline pipeline, TopEntries top, QueryStats stats) {
    BlockCursor cursor = read.open(b);
    if (cursor == null) {
      return;
    }
    StoreRead.EntryFilter filter = read.filter(b.stream());
    while (cursor.next()) {
      long ts = cursor.timestampNanos();
      if (!top.mightAdmit(ts) || !filter.keeps(ts, cursor)) {
        continue;
      }
      EntryPipeline.Output out =
          pipeline.process(
              ts,
              cursor.lineArray(),
              cursor.lineOffset(),
              cursor.lineLength(),
              cursor.structuredMetadata());
      if (out == null) {
        continue;
      }
      stats.postFilterLines++;
      top.offer(
          new TopEntries.Candidate(
              ts, out.labelsText(), out.labels(), out.line(), out.metadata(), out.parsed()));
    }
  }
}
