package io.skald.compactor.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skald.compactor.SegmentIndexer;
import io.skald.compactor.SharedIndexer;
import io.skald.compactor.catchup.IndexCatchUp;
import io.skald.compactor.catchup.PendingDeletesRetired;
import io.skald.compactor.deletion.DeleteProcessor;
import io.skald.compactor.merge.CompactionConfig;
import io.skald.compactor.merge.CompactionPlanner;
import io.skald.compactor.merge.DayCompactor;
import io.skald.compactor.merge.DelayedDeleter;
import io.skald.compactor.merge.IndexSwap;
import io.skald.compactor.merge.SegmentMerger;
import io.skald.compactor.retention.RetentionPolicy;
import io.skald.compactor.retention.RetentionSweeper;
import io.skald.compactor.support.Entry;
import io.skald.compactor.support.Segments;
import io.skald.compactor.support.SimpleReader;
import io.skald.deletes.DeleteRequestParams;
import io.skald.deletes.DeleteRequestStore;
import io.skald.deletes.DeletionConfig;
import io.skald.harness.MutableClock;
import io.skald.index.IndexStore;
import io.skald.index.IndexedSegment;
import io.skald.layout.ObjectKeys;
import io.skald.limits.Limits;
import io.skald.limits.TenantLimits;
import io.skald.storage.FileSystemObjectStore;
import io.skald.storage.ObjectStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompactionSweepTest {

  static final LocalDate OLD = LocalDate.of(2026, 5, 20);
  static final LocalDate NEW = LocalDate.of(2026, 6, 8);
  static final Duration DELAY = Duration.ofHours(2);

  @TempDir Path dir;
  MutableClock clock = new MutableClock(Instant.parse("2026-06-09T00:00:00Z"));
  ObjectStore store;
  DeleteRequestStore requests;
  SimpleMeterRegistry meters = new SimpleMeterRegistry();
  CompactionSweep sweep;

  @BeforeEach
  void setUp() throws Exception {
    store = new FileSystemObjectStore(dir.resolve("chunks"), "chunks");
    requests =
        new DeleteRequestStore(
            new FileSystemObjectStore(dir.resolve("admin"), "admin"),
            clock,
            new DeletionConfig(Duration.ZERO, Duration.ofHours(24), Duration.ofMinutes(15)));
    CompactionConfig config = CompactionConfig.defaults().withRetentionDeleteDelay(DELAY);
    SharedIndexer lock = new SharedIndexer(new SegmentIndexer(new IndexStore(store), meters));
    SegmentMerger merger = new SegmentMerger(store, config);
    IndexSwap swap = new IndexSwap(store, clock, DELAY);
    RetentionPolicy policy =
        new RetentionPolicy(
            TenantLimits.of(Limits.builder().retentionPeriod(Duration.ofHours(168)).build()));
    CompactionSweep.Steps steps =
        new CompactionSweep.Steps(
            new IndexCatchUp(
                store, lock, new PendingDeletesRetired(store), clock, Duration.ofDays(2)),
            new DayCompactor(new IndexStore(store), new CompactionPlanner(config), merger, swap),
            new RetentionSweeper(store, policy, merger, swap, clock),
            new DeleteProcessor(store, requests, merger, swap),
            new DelayedDeleter(store, clock, DELAY));
    sweep = new CompactionSweep(store, lock, steps, requests, new CompactorMetrics(meters), clock);
  }

  @Test
  void mergesAppliesRetentionAndDeletesThenCollectsTheReplacedObjects() throws Exception {
    Segments segments = new Segments(store);
    segments.write(
        "t",
        OLD,
        0,
        0,
        List.of(Entry.of("{app=\"x\"}", Segments.dayStartNanos(OLD) + 1, "expired")));
    long t0 = Segments.dayStartNanos(NEW);
    for (int i = 0; i < 4; i++) {
      segments.write(
          "t",
          NEW,
          0,
          i * 10L,
          List.of(
              Entry.of("{app=\"x\"}", t0 + i * 2L, "line " + i),
              Entry.of("{app=\"x\"}", t0 + i * 2L + 1, "secret " + i)));
    }
    requests.add(
        "t",
        DeleteRequestParams.parse(
            Map.of("query", "{app=\"x\"} |= \"secret\"", "start", "2026-06-08T00:00:00Z"),
            clock.instant(),
            DeletionConfig.defaults()));

    CompactionSweep.Result r = sweep.run();

    assertThat(r.segmentsMerged()).isEqualTo(4);
    assertThat(r.segmentsWritten()).isEqualTo(1);
    assertThat(r.retentionSegmentsRemoved()).isEqualTo(1);
    assertThat(r.deletePiecesProcessed()).isEqualTo(1);
    List<IndexedSegment> live = new IndexStore(store).load("t", NEW).segments();
    assertThat(live).hasSize(1).allMatch(s -> ObjectKeys.isCompacted(s.key()));
    assertThat(new SimpleReader(store).readAll("t", NEW))
        .extracting(Entry::line)
        .containsExactly("line 0", "line 1", "line 2", "line 3");
    assertThat(new IndexStore(store).load("t", OLD).segments()).isEmpty();
    assertThat(requests.list("t"))
        .singleElement()
        .extracting(x -> x.status())
        .isEqualTo("processed");
    assertThat(meters.counter("skald_compactor_objects_before_total").count()).isEqualTo(4);
    assertThat(meters.counter("loki_compactor_delete_requests_processed_total").count())
        .isEqualTo(1);

    clock.advance(DELAY.plusMinutes(1));
    assertThat(sweep.run().objectsDeleted())
        .as("inputs deleted one delay later")
        .isGreaterThanOrEqualTo(5);
    assertThat(store.list("segments/t/" + NEW + "/")).hasSize(1);
  }
}
