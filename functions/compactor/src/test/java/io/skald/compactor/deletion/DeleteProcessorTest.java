package io.skald.compactor.deletion;

import static org.assertj.core.api.Assertions.assertThat;

import io.skald.compactor.merge.CompactionConfig;
import io.skald.compactor.merge.DelayedDeleter;
import io.skald.compactor.merge.IndexSwap;
import io.skald.compactor.merge.SegmentMerger;
import io.skald.compactor.support.Entry;
import io.skald.compactor.support.RandomLogs;
import io.skald.compactor.support.Segments;
import io.skald.compactor.support.SimpleReader;
import io.skald.compactor.support.StoreChecks;
import io.skald.deletes.DeleteFilter;
import io.skald.deletes.DeleteRequest;
import io.skald.deletes.DeleteRequestParams;
import io.skald.deletes.DeleteRequestStore;
import io.skald.deletes.DeletionConfig;
import io.skald.harness.MutableClock;
import io.skald.labels.LabelSet;
import io.skald.storage.FileSystemObjectStore;
import io.skald.storage.ObjectStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeleteProcessorTest {

  static final LocalDate D1 = LocalDate.of(2026, 6, 1);
  static final LocalDate D2 = LocalDate.of(2026, 6, 2);
  static final Duration DELAY = Duration.ofHours(2);

  @TempDir Path dir;
  ObjectStore segmentsStore;
  MutableClock clock = new MutableClock(Instant.parse("2026-06-09T00:00:00Z"));
  DeleteRequestStore requests;
  DeleteProcessor processor;
  Segments segments;

  @BeforeEach
  void setUp() throws Exception {
    segmentsStore = new FileSystemObjectStore(dir.resolve("chunks"), "chunks");
    requests =
        new DeleteRequestStore(
            new FileSystemObjectStore(dir.resolve("admin"), "admin"),
            clock,
            DeletionConfig.defaults());
    processor =
        new DeleteProcessor(
            segmentsStore,
            requests,
            new SegmentMerger(segmentsStore, CompactionConfig.defaults()),
            new IndexSwap(segmentsStore, clock, DELAY));
    segments = new Segments(segmentsStore);
  }

  DeleteRequest add(String query, String start, String end) throws Exception {
    return requests.add(
        "t",
        DeleteRequestParams.parse(
            Map.of("query", query, "start", start, "end", end),
            clock.instant(),
            DeletionConfig.defaults()));
  }

  List<Entry> write(LocalDate day, long seed) throws Exception {
    List<Entry> all = new ArrayList<>();
    long offset = 0;
    for (List<Entry> seg : new RandomLogs(seed, day).segments(5, 30)) {
      segments.write("t", day, 0, offset++, seg);
      all.addAll(seg);
    }
    return all;
  }

  List<Entry> readFiltered(LocalDate day, DeleteFilter filter) throws Exception {
    return new SimpleReader(segmentsStore)
        .readAll("t", day).stream()
            .filter(e -> !filter.deleted(LabelSet.parse(e.labels()).asMap(), e.ts(), e.line()))
            .toList();
  }

  @Test
  void removesExactlyWhatQueryTimeFilteringHid() throws Exception {
    write(D1, 3);
    write(D2, 4);
    DeleteRequest r =
        add("{env=\"prod\"} |= \"secret\"", "2026-06-01T00:00:00Z", "2026-06-03T00:00:00Z");
    assertThat(r.shards()).hasSize(2);
    DeleteFilter queryTime = DeleteFilter.of(requests.forQueryTimeFiltering("t"));
    List<Entry> visible1 = readFiltered(D1, queryTime);
    List<Entry> visible2 = readFiltered(D2, queryTime);
    assertThat(new SimpleReader(segmentsStore).readAll("t", D1))
        .hasSizeGreaterThan(visible1.size());

    assertThat(processor.process("t").piecesProcessed()).as("inside the cancel period").isZero();
    clock.advance(Duration.ofHours(24).plusMinutes(1));
    DeleteProcessor.Stats s = processor.process("t");

    assertThat(s.piecesProcessed()).isEqualTo(2);
    assertThat(s.requestsCompleted()).isEqualTo(1);
    assertThat(s.linesDeleted()).isPositive();
    assertThat(requests.get("t", r.requestId()).orElseThrow().status()).isEqualTo("processed");
    assertThat(new SimpleReader(segmentsStore).readAll("t", D1)).isEqualTo(visible1);
    assertThat(new SimpleReader(segmentsStore).readAll("t", D2)).isEqualTo(visible2);
    assertThat(visible1).noneMatch(e -> e.labels().contains("prod") && e.line().contains("secret"));
    assertThat(visible1).anyMatch(e -> e.line().contains("secret")); // dev lines stay

    assertThat(processor.process("t").piecesProcessed()).as("nothing left").isZero();
    clock.advance(DELAY);
    new DelayedDeleter(segmentsStore, clock, DELAY).run("t");
    assertThat(StoreChecks.unreferenced(segmentsStore, "t", D1)).isEmpty();
    StoreChecks.assertIndexComplete(segmentsStore, "t", D1);
  }

  @Test
  void aRequestWithoutFiltersDropsWholeSegmentsAndKeepsTheRestOfTheDay() throws Exception {
    long t0 = Segments.dayStartNanos(D1);
    String gone = segments.write("t", D1, 0, 0, List.of(Entry.of("{app=\"x\"}", t0 + 10, "a")));
    String kept = segments.write("t", D1, 0, 1, List.of(Entry.of("{app=\"y\"}", t0 + 10, "b")));
    segments.write(
        "t", D1, 0, 2, List.of(Entry.of("{app=\"x\"}", t0 + 3_600_000_000_000L, "late")));
    add("{app=\"x\"}", "2026-06-01T00:00:00Z", "2026-06-01T00:30:00Z");
    clock.advance(Duration.ofHours(25));

    DeleteProcessor.Stats s = processor.process("t");

    assertThat(s.segmentsRewritten()).isEqualTo(1);
    assertThat(s.linesDeleted()).isEqualTo(1);
    assertThat(segments.index("t", D1).segments())
        .extracting(x -> x.key())
        .doesNotContain(gone)
        .contains(kept);
    assertThat(new SimpleReader(segmentsStore).readAll("t", D1))
        .extracting(Entry::line)
        .containsExactlyInAnyOrder("b", "late");
  }

  @Test
  void otherTenantsAreUntouched() throws Exception {
    long t0 = Segments.dayStartNanos(D1);
    segments.write("other", D1, 0, 0, List.of(Entry.of("{app=\"x\"}", t0, "a")));
    add("{app=\"x\"}", "2026-06-01T00:00:00Z", "2026-06-02T00:00:00Z");
    clock.advance(Duration.ofHours(25));
    processor.process("t");
    assertThat(new SimpleReader(segmentsStore).readAll("other", D1)).hasSize(1);
  }

  @Test
  void queriesFilterOnStructuredMetadataAndParsedLabelsAsLokiDoes() throws Exception {
    long t0 = Segments.dayStartNanos(D1);
    segments.write(
        "t",
        D1,
        0,
        0,
        List.of(
            new Entry(
                "{app=\"x\"}",
                t0 + 1,
                "level=debug a",
                List.of(new io.skald.labels.Label("user", "bob"))),
            new Entry(
                "{app=\"x\"}",
                t0 + 2,
                "level=info b",
                List.of(new io.skald.labels.Label("user", "bob"))),
            new Entry(
                "{app=\"x\"}",
                t0 + 3,
                "level=debug c",
                List.of(new io.skald.labels.Label("user", "eve"))),
            Entry.of("{app=\"x\"}", t0 + 4, "level=debug d")));
    add(
        "{app=\"x\"} | user=\"bob\" | logfmt | level=\"debug\"",
        "2026-06-01T00:00:00Z",
        "2026-06-01T01:00:00Z");
    clock.advance(Duration.ofHours(25));

    DeleteProcessor.Stats s = processor.process("t");

    assertThat(s.linesDeleted()).isEqualTo(1);
    assertThat(new SimpleReader(segmentsStore).readAll("t", D1))
        .extracting(Entry::line)
        .containsExactlyInAnyOrder("level=info b", "level=debug c", "level=debug d");
  }
}
