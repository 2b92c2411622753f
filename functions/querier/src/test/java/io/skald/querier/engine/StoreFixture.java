package io.skald.querier.engine;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.skald.deletes.DeleteRequestParams;
import io.skald.deletes.DeleteRequestStore;
import io.skald.deletes.DeletionConfig;
import io.skald.deletes.TenantDeleteFilters;
import io.skald.index.IndexStore;
import io.skald.index.IndexedSegment;
import io.skald.index.TenantDayIndex;
import io.skald.labels.Label;
import io.skald.layout.ObjectKeys;
import io.skald.logql.engine.Limits;
import io.skald.logql.engine.MetricEngine;
import io.skald.logql.engine.MetricResult;
import io.skald.logql.engine.VectorResult;
import io.skald.logql.syntax.LogQL;
import io.skald.logql.syntax.LogSelectorExpr;
import io.skald.logql.syntax.SampleExpr;
import io.skald.querier.params.Direction;
import io.skald.querier.params.TimeRange;
import io.skald.segment.BlockCursor;
import io.skald.segment.BlockRef;
import io.skald.segment.RangeSource;
import io.skald.segment.SegmentReader;
import io.skald.segment.SegmentWriter;
import io.skald.segment.StreamInfo;
import io.skald.storage.FileSystemObjectStore;
import io.skald.storage.ObjectStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real store in a directory: segments written by the segment writer, indexed as the compactor
 * indexes them, delete requests in an admin bucket, and the query core reading them.
 */
final class StoreFixture {

  static final String TENANT = "t";
  static final LocalDate DAY = LocalDate.of(2026, 3, 1);
  static final long T0 = DAY.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
  static final long SECOND = 1_000_000_000L;
  static final Clock CLOCK =
      Clock.fixed(Instant.ofEpochSecond(T0 / SECOND).plus(Duration.ofDays(2)), ZoneOffset.UTC);

  /** One entry to write. */
  record Line(String labels, long ts, String line, List<Label> metadata) {
    static Line of(String labels, long ts, String line) {
      return new Line(labels, ts, line, List.of());
    }
  }

  final ObjectStore store;
  final DeleteRequestStore requests;
  final StoreReader reader;
  private final IndexStore indexes;

  StoreFixture(Path dir) throws Exception {
    this(new FileSystemObjectStore(dir.resolve("chunks"), "chunks"), dir);
  }

  StoreFixture(ObjectStore store, Path dir) throws Exception {
    this.store = store;
    this.indexes = new IndexStore(store);
    this.requests =
        new DeleteRequestStore(
            new FileSystemObjectStore(dir.resolve("admin"), "admin"),
            CLOCK,
            DeletionConfig.defaults());
    this.reader =
        new StoreReader(
            new StreamCatalog(store, new TenantDeleteFilters(requests, CLOCK, Duration.ZERO)));
  }

  /** Writes one segment (small blocks, so streams span several) and indexes it. */
  String segment(int partition, long firstOffset, List<Line> lines) throws Exception {
    SegmentWriter w = new SegmentWriter(64, 1);
    for (Line l : lines) {
      w.append(l.labels(), l.ts(), l.line().getBytes(UTF_8), l.metadata());
    }
    byte[] bytes = w.finish();
    String key = ObjectKeys.segment(TENANT, DAY, partition, firstOffset);
    store.put(key, bytes);
    TenantDayIndex index = indexes.load(TENANT, DAY);
    index.put(new IndexedSegment(key, bytes.length, SegmentReader.readFooter(bytes).streams()));
    indexes.save(index);
    return key;
  }

  /** Stores a delete request as the delete API does. */
  void delete(String query, long startNanos, long endNanos) throws Exception {
    requests.add(
        TENANT,
        DeleteRequestParams.parse(
            Map.of(
                "query",
                query,
                "start",
                Long.toString(startNanos / SECOND),
                "end",
                Long.toString(endNanos / SECOND)),
            CLOCK.instant(),
            DeletionConfig.defaults()));
  }

  /** Every block the index lists, per stream labels. */
  Map<String, List<BlockRef>> indexedBlocks() throws Exception {
    Map<String, List<BlockRef>> out = new LinkedHashMap<>();
    for (IndexedSegment seg : indexes.load(TENANT, DAY).segments()) {
      for (StreamInfo s : seg.streams()) {
        out.computeIfAbsent(s.labels(), k -> new ArrayList<>()).addAll(s.blocks());
      }
    }
    return out;
  }

  /** Every line stored for a stream, read straight from the objects (not through a query). */
  List<String> storedLines(String labels) throws Exception {
    List<String> out = new ArrayList<>();
    for (IndexedSegment seg : indexes.load(TENANT, DAY).segments()) {
      byte[] bytes = store.get(seg.key()).orElseThrow();
      for (StreamInfo s : SegmentReader.readFooter(bytes).streams()) {
        if (!s.labels().equals(labels)) {
          continue;
        }
        for (BlockRef b : s.blocks()) {
          BlockCursor c = SegmentReader.openBlock(RangeSource.of(bytes), b);
          while (c.next()) {
            out.add(c.lineString());
          }
        }
      }
    }
    return out;
  }

  LogQueryEngine.Result logs(String query, TimeRange range, int limit, Direction direction)
      throws Exception {
    LogSelectorExpr selector = LogQL.parseLogSelector(query);
    return new LogQueryEngine(reader)
        .select(
            TENANT,
            selector.matchers(),
            PipelineFactories.of(selector.pipeline()),
            range,
            limit,
            direction);
  }

  /** Lines a log query returns, over all result streams, in query order per stream. */
  List<String> logLines(String query, TimeRange range) throws Exception {
    List<String> out = new ArrayList<>();
    for (ResultStream s : logs(query, range, 10_000, Direction.FORWARD).streams()) {
      s.entries().forEach(e -> out.add(e.line()));
    }
    return out;
  }

  /** An instant metric query; values by the labels of each result sample. */
  Map<Map<String, String>, Double> metric(String query, long timeNanos, QueryStats stats)
      throws Exception {
    MetricResult r =
        new MetricEngine(new StoredSampleSource(reader, TENANT, stats))
            .instant((SampleExpr) LogQL.parse(query), timeNanos, Limits.DEFAULT);
    Map<Map<String, String>, Double> out = new LinkedHashMap<>();
    ((VectorResult) r).samples().forEach(s -> out.put(s.labels(), s.value()));
    return out;
  }
}
