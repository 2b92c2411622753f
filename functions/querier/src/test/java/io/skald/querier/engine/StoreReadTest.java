package io.skald.querier.engine;

import static io.skald.querier.engine.StoreFixture.SECOND;
import static io.skald.querier.engine.StoreFixture.T0;
import static io.skald.querier.engine.StoreFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skald.labels.Label;
import io.skald.labels.LabelSet;
import io.skald.logql.syntax.LogQL;
import io.skald.querier.engine.StoreFixture.Line;
import io.skald.querier.params.Direction;
import io.skald.querier.params.TimeRange;
import io.skald.segment.BlockRef;
import io.skald.storage.FileSystemObjectStore;
import io.skald.storage.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query core over a real file-system store: segments written by the segment writer and indexed,
 * read by the log and the metric engine through the one store read path.
 */
class StoreReadTest {

  static final String A1 = "{app=\"a\", pod=\"1\"}";
  static final String A2 = "{app=\"a\", pod=\"2\"}";
  static final String B = "{app=\"b\"}";
  static final TimeRange DAY = new TimeRange(T0, T0 + 86_400 * SECOND);

  @TempDir Path dir;
  StoreFixture fx;

  @BeforeEach
  void setUp() throws Exception {
    fx = new StoreFixture(dir);
  }

  /** Ten lines a second apart from {@code T0 + from} seconds: "<prefix> <i>". */
  static List<Line> lines(String labels, int from, String prefix) {
    List<Line> out = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      out.add(Line.of(labels, T0 + (from + i) * SECOND, prefix + " " + (from + i)));
    }
    return out;
  }

  static List<Line> concat(List<List<Line>> parts) {
    return parts.stream().flatMap(List::stream).toList();
  }

  @Test
  void selectsMatchingStreamsAndOnlyTheBlocksOverlappingTheRange() throws Exception {
    fx.segment(0, 0, concat(List.of(lines(A1, 0, "a1"), lines(B, 0, "b"))));
    fx.segment(0, 100, concat(List.of(lines(A1, 10, "a1"), lines(A2, 10, "a2"))));
    TimeRange range = new TimeRange(T0 + 5 * SECOND, T0 + 15 * SECOND);

    Selection sel = fx.reader.select(TENANT, range, LogQL.parseMatchers("{app=\"a\"}", true));

    assertThat(sel.streams())
        .extracting(s -> LabelSet.of(s.labels()).toString())
        .containsExactly(A1, A2);
    assertThat(sel.streams().get(0).parts()).as("A1 is in both segments").hasSize(2);
    assertThat(sel.segments()).isEqualTo(2);
    List<BlockRef> selected =
        sel.streams().stream()
            .flatMap(s -> s.parts().stream())
            .flatMap(p -> p.blocks().stream())
            .toList();
    List<BlockRef> stored = new ArrayList<>(fx.indexedBlocks().get(A1));
    stored.addAll(fx.indexedBlocks().get(A2));
    assertThat(selected).allMatch(b -> b.overlaps(range.startNanos(), range.endNanos()));
    assertThat(stored)
        .as("the index holds blocks outside the range too")
        .hasSizeGreaterThan(selected.size());
    assertThat(stored.stream().filter(b -> b.overlaps(range.startNanos(), range.endNanos())))
        .containsExactlyInAnyOrderElementsOf(selected);

    assertThat(fx.logLines("{app=\"a\"}", range))
        .containsExactly(
            "a1 5", "a1 6", "a1 7", "a1 8", "a1 9", "a1 10", "a1 11", "a1 12", "a1 13", "a1 14",
            "a2 10", "a2 11", "a2 12", "a2 13", "a2 14");
    QueryStats stats = new QueryStats();
    assertThat(fx.metric("count_over_time({app=\"a\"}[10s])", T0 + 15 * SECOND - 1, stats))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(Map.of("app", "a", "pod", "1"), 10.0, Map.of("app", "a", "pod", "2"), 5.0));
  }

  @Test
  void bothEnginesReportWhatTheStoreReadPathRead() throws Exception {
    fx.segment(0, 0, concat(List.of(lines(A1, 0, "a1"), lines(B, 0, "b"))));
    fx.segment(0, 100, lines(A1, 10, "a1"));
    TimeRange range = new TimeRange(T0 + 5 * SECOND, T0 + 15 * SECOND);
    List<BlockRef> read =
        fx.reader.select(TENANT, range, LogQL.parseMatchers("{app=\"a\"}", true)).streams().stream()
            .flatMap(s -> s.parts().stream())
            .flatMap(p -> p.blocks().stream())
            .toList();

    QueryStats logs = fx.logs("{app=\"a\"} |= \"a1 1\"", range, 100, Direction.FORWARD).stats();
    QueryStats metric = new QueryStats();
    fx.metric("count_over_time({app=\"a\"}[10s])", T0 + 15 * SECOND - 1, metric);

    for (QueryStats s : List.of(logs, metric)) {
      assertThat(s.streams).isEqualTo(1);
      assertThat(s.segmentsReferenced).isEqualTo(2);
      assertThat(s.blocksDownloaded).isEqualTo(read.size());
      assertThat(s.compressedBytes).isEqualTo(read.stream().mapToLong(BlockRef::length).sum());
      assertThat(s.decompressedBytes).isEqualTo(read.stream().mapToLong(BlockRef::rawBytes).sum());
      assertThat(s.decompressedLines).isEqualTo(read.stream().mapToLong(BlockRef::entries).sum());
      assertThat(s.duplicates).isZero();
    }
    assertThat(logs.postFilterLines).as("a1 10 to a1 14").isEqualTo(5);
    assertThat(logs.entriesReturned).isEqualTo(5);
  }

  @Test
  void aLimitedBackwardQueryStopsBeforeOlderBlocks() throws Exception {
    fx.segment(0, 0, lines(A1, 0, "a1"));
    fx.segment(0, 100, lines(A1, 10, "a1"));
    int stored = fx.indexedBlocks().get(A1).size();

    LogQueryEngine.Result r = fx.logs("{app=\"a\"}", DAY, 2, Direction.BACKWARD);

    assertThat(r.streams().get(0).entries())
        .extracting(LogEntry::line)
        .containsExactly("a1 19", "a1 18");
    assertThat(r.stats().blocksDownloaded).isLessThan(stored);
  }

  @Test
  void exactDuplicatesAcrossOverlappingSegmentsAreReadOnceByBothEngines() throws Exception {
    List<Label> md = List.of(new Label("trace", "t1"));
    // A replay wrote 5..9 again into a second segment, beside new lines and near-duplicates.
    fx.segment(0, 0, lines(A1, 0, "a1"));
    List<Line> replay = new ArrayList<>(lines(A1, 5, "a1"));
    replay.add(new Line(A1, T0 + 6 * SECOND, "a1 6", md)); // other metadata: a different entry
    replay.add(Line.of(A1, T0 + 7 * SECOND, "a1 7 again")); // other line: a different entry
    fx.segment(1, 0, replay);

    List<String> stored = fx.storedLines(A1);
    assertThat(stored).hasSize(22);
    assertThat(stored.stream().distinct()).hasSize(16);

    List<String> returned = fx.logLines("{app=\"a\"}", DAY);
    assertThat(returned).hasSize(17).contains("a1 7 again").containsOnlyOnce("a1 5", "a1 9");
    assertThat(returned.stream().filter("a1 6"::equals))
        .as("two entries differ in metadata")
        .hasSize(2);
    assertThat(fx.logs("{app=\"a\"}", DAY, 1000, Direction.FORWARD).stats().duplicates)
        .isEqualTo(5);

    QueryStats stats = new QueryStats();
    assertThat(fx.metric("count_over_time({app=\"a\"}[1d])", T0 + 3600 * SECOND, stats))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                Map.of("app", "a", "pod", "1"),
                16.0,
                Map.of("app", "a", "pod", "1", "trace", "t1"),
                1.0));
    assertThat(stats.duplicates).isEqualTo(5);
    assertThat(stats.decompressedLines).as("every stored copy was read").isEqualTo(22);
  }

  @Test
  void aMissingObjectIsSkippedByBothEngines() throws Exception {
    String gone = fx.segment(0, 0, lines(A1, 0, "old"));
    fx.segment(0, 100, lines(A1, 10, "new"));
    fx.store.delete(gone); // replaced by compaction after the index was read

    assertThat(fx.logLines("{app=\"a\"}", DAY)).hasSize(10).allMatch(l -> l.startsWith("new"));
    QueryStats stats = new QueryStats();
    assertThat(fx.metric("count_over_time({app=\"a\"}[1d])", T0 + 3600 * SECOND, stats))
        .containsExactlyEntriesOf(Map.of(Map.of("app", "a", "pod", "1"), 10.0));
    assertThat(stats.segmentsReferenced).isEqualTo(2);
    assertThat(stats.blocksDownloaded).isEqualTo(fx.indexedBlocks().get(A1).size() / 2);
  }

  @Test
  void aCorruptBlockIsSkippedByBothEnginesAndTheRestIsRead() throws Exception {
    String bad = fx.segment(0, 0, lines(A1, 0, "bad"));
    fx.segment(0, 100, lines(A1, 10, "good"));
    BlockRef first = fx.indexedBlocks().get(A1).get(0);
    byte[] bytes = fx.store.get(bad).orElseThrow();
    bytes[(int) first.offset() + first.length() / 2] ^= 0x5a; // fails the block's CRC
    fx.store.put(bad, bytes);
    int badLines = first.entries();

    List<String> lines = fx.logLines("{app=\"a\"}", DAY);
    assertThat(lines).hasSize(20 - badLines).contains("bad 9", "good 10");
    QueryStats stats = new QueryStats();
    assertThat(fx.metric("count_over_time({app=\"a\"}[1d])", T0 + 3600 * SECOND, stats))
        .containsExactlyEntriesOf(Map.of(Map.of("app", "a", "pod", "1"), 20.0 - badLines));
    assertThat(stats.blocksDownloaded).isEqualTo(fx.indexedBlocks().get(A1).size() - 1);
  }

  @Test
  void anyOtherReadFailureFailsTheQuery() throws Exception {
    ObjectStore real = new FileSystemObjectStore(dir.resolve("chunks"), "chunks");
    ObjectStore failing =
        (ObjectStore)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ObjectStore.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("getRange")) {
                    throw new IOException("connection reset");
                  }
                  try {
                    return method.invoke(real, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    StoreFixture broken = new StoreFixture(failing, dir);
    broken.segment(0, 0, lines(A1, 0, "a1"));

    assertThatThrownBy(() -> broken.logLines("{app=\"a\"}", DAY))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot read segments/t/");
    assertThatThrownBy(
            () ->
                broken.metric(
                    "count_over_time({app=\"a\"}[1d])", T0 + 3600 * SECOND, new QueryStats()))
        .isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void deleteRequestsHideLinesFromBothEnginesWhileTheStoreStillHoldsThem() throws Exception {
    fx.segment(0, 0, concat(List.of(lines(A1, 0, "a1"), lines(A2, 0, "a2"))));
    fx.delete("{pod=\"1\"} |= \"a1 1\"", T0, T0 + 3600 * SECOND); // a1 1
    fx.delete("{pod=\"2\"}", T0 + 5 * SECOND, T0 + 6 * SECOND); // a2 5, a2 6 (end inclusive)

    assertThat(fx.storedLines(A1)).hasSize(10).contains("a1 1");
    assertThat(fx.storedLines(A2)).hasSize(10).contains("a2 5", "a2 6");
    assertThat(fx.logLines("{app=\"a\"}", DAY)).hasSize(17).doesNotContain("a1 1", "a2 5", "a2 6");
    assertThat(fx.metric("count_over_time({app=\"a\"}[1d])", T0 + 3600 * SECOND, new QueryStats()))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(Map.of("app", "a", "pod", "1"), 9.0, Map.of("app", "a", "pod", "2"), 8.0));
  }

  @Test
  void deleteRequestsOnStructuredMetadataHideOnlyTheEntriesCarryingIt() throws Exception {
    List<Line> lines = new ArrayList<>(lines(A1, 0, "a1"));
    lines.set(3, new Line(A1, T0 + 3 * SECOND, "a1 3", List.of(new Label("user", "bob"))));
    lines.set(4, new Line(A1, T0 + 4 * SECOND, "a1 4", List.of(new Label("user", "eve"))));
    fx.segment(0, 0, lines);
    fx.delete("{pod=\"1\"} | user=\"bob\"", T0, T0 + 3600 * SECOND);

    assertThat(fx.storedLines(A1)).hasSize(10).contains("a1 3");
    assertThat(fx.logLines("{app=\"a\"}", DAY)).hasSize(9).doesNotContain("a1 3").contains("a1 4");
    assertThat(fx.metric("count_over_time({app=\"a\"}[1d])", T0 + 3600 * SECOND, new QueryStats()))
        .as("structured metadata is a series label, as in Loki")
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                Map.of("app", "a", "pod", "1"),
                8.0,
                Map.of("app", "a", "pod", "1", "user", "eve"),
                1.0));
  }

  @Test
  void indexOnlyQueriesSelectThroughTheSameReadPath() throws Exception {
    fx.segment(0, 0, concat(List.of(lines(A1, 0, "a1"), lines(B, 0, "b"))));
    fx.segment(0, 100, lines(A2, 10, "a2"));
    TimeRange early = new TimeRange(T0, T0 + 10 * SECOND);

    assertThat(new MetadataQueries(fx.reader).labelValues(TENANT, "pod", early, List.of()))
        .containsExactly("1");
    VolumeQueries.IndexStats st =
        new VolumeQueries(fx.reader).stats(TENANT, DAY, LogQL.parseMatchers("{app=\"a\"}", true));
    assertThat(st.streams()).isEqualTo(2);
    assertThat(st.entries()).isEqualTo(20);
    assertThat(st.chunks())
        .isEqualTo(fx.indexedBlocks().get(A1).size() + fx.indexedBlocks().get(A2).size());
  }
}
