package io.skald.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.skald.compactor.merge.CompactionConfig;
import io.skald.compactor.merge.CompactionPlanner;
import io.skald.compactor.merge.DayCompactor;
import io.skald.compactor.merge.IndexSwap;
import io.skald.compactor.merge.SegmentMerger;
import io.skald.compactor.sweep.IndexRebuilder;
import io.skald.index.IndexStore;
import io.skald.index.IndexedSegment;
import io.skald.index.TenantDayIndex;
import io.skald.labels.MatchType;
import io.skald.labels.Matcher;
import io.skald.layout.ObjectKeys;
import io.skald.querier.engine.LogQueryEngine;
import io.skald.querier.engine.PipelineFactories;
import io.skald.querier.engine.StreamCatalog;
import io.skald.querier.params.Direction;
import io.skald.querier.params.TimeRange;
import io.skald.segment.SegmentReader;
import io.skald.segment.SegmentWriter;
import io.skald.storage.FileSystemObjectStore;
import io.skald.storage.ObjectInfo;
import io.skald.storage.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disaster recovery: indexes rebuilt from the objects alone answer queries as the lost ones did.
 */
class IndexRebuildTest {

  static final LocalDate D1 = LocalDate.of(2026, 6, 1);
  static final LocalDate D2 = LocalDate.of(2026, 6, 2);

  @TempDir Path dir;

  @Test
  void rebuiltIndexesAnswerLikeTheLostOnes() throws Exception {
    ObjectStore store = new FileSystemObjectStore(dir, "loki-chunks");
    IndexStore indexes = new IndexStore(store);
    for (int i = 0; i < 6; i++) {
      write(store, indexes, "t", D1, i);
      write(store, indexes, i % 2 == 0 ? "t" : "u", D2, i);
    }
    // Compact D1, so the bucket holds retired inputs (pending deletes) beside the output.
    CompactionConfig config = CompactionConfig.defaults();
    new DayCompactor(
            indexes,
            new CompactionPlanner(config),
            new SegmentMerger(store, config),
            new IndexSwap(store, Clock.systemUTC(), Duration.ofHours(2)))
        .compact("t", D1);
    Set<String> liveBefore = keys(indexes.load("t", D1));
    assertThat(liveBefore).hasSize(1);
    List<String> before = queryAll(store);

    for (ObjectInfo o : store.list(ObjectKeys.INDEX)) {
      store.delete(o.key());
    }
    assertThat(queryAll(new FileSystemObjectStore(dir, "loki-chunks"))).isEmpty();

    IndexRebuilder.Result r = new IndexRebuilder(store).run();

    assertThat(r.tenantDays()).isEqualTo(3);
    assertThat(r.segmentsRetired()).isEqualTo(6);
    assertThat(keys(indexes.load("t", D1))).isEqualTo(liveBefore);
    assertThat(queryAll(new FileSystemObjectStore(dir, "loki-chunks")))
        .isEqualTo(before)
        .isNotEmpty();
  }

  @Test
  void theCommandRebuildsTheIndexesOfTheDataDir() throws Exception {
    Path data = dir.resolve("data");
    ObjectStore store =
        new FileSystemObjectStore(data.resolve("objects").resolve("loki-chunks"), "loki-chunks");
    write(store, new IndexStore(store), "t", D1, 0);
    store.delete(ObjectKeys.index("t", D1));

    assertThat(RebuildIndex.requested(new String[] {"--rebuild-index"})).isTrue();
    assertThat(RebuildIndex.run(new String[] {"--rebuild-index", "--data-dir=" + data})).isZero();
    assertThat(new IndexStore(store).load("t", D1).segments()).hasSize(1);
  }

  private static void write(
      ObjectStore store, IndexStore indexes, String tenant, LocalDate day, int i) throws Exception {
    long t0 = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
    SegmentWriter w = new SegmentWriter(4096, 1);
    w.append(
        "{app=\"a" + (i % 3) + "\"}",
        t0 + i * 1000L,
        ("line " + i).getBytes(StandardCharsets.UTF_8),
        List.of());
    byte[] bytes = w.finish();
    String key = ObjectKeys.segment(tenant, day, 0, i * 10L);
    store.put(key, bytes);
    TenantDayIndex index = indexes.load(tenant, day);
    index.put(new IndexedSegment(key, bytes.length, SegmentReader.readFooter(bytes).streams()));
    indexes.save(index);
  }

  private static Set<String> keys(TenantDayIndex index) {
    return index.segments().stream().map(IndexedSegment::key).collect(Collectors.toSet());
  }

  /** Every line of both tenants over both days, as the query engine returns them. */
  private static List<String> queryAll(ObjectStore store) {
    LogQueryEngine engine = new LogQueryEngine(new StreamCatalog(store));
    long start = D1.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
    TimeRange range = new TimeRange(start, start + 2 * 86_400_000_000_000L);
    return java.util.stream.Stream.of("t", "u")
        .flatMap(
            tenant ->
                engine
                    .select(
                        tenant,
                        List.of(new Matcher("app", MatchType.RE, "a.*")),
                        PipelineFactories.of(List.of()),
                        range,
                        1000,
                        Direction.FORWARD)
                    .streams()
                    .stream()
                    .map(s -> tenant + " " + s.labelsText() + " " + s.entries()))
        .toList();
  }
}
