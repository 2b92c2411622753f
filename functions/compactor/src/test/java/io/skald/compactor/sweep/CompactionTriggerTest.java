package io.skald.compactor.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skald.compactor.SegmentIndexer;
import io.skald.compactor.SharedIndexer;
import io.skald.compactor.merge.CompactionConfig;
import io.skald.compactor.merge.CompactionPlanner;
import io.skald.compactor.merge.DayCompactor;
import io.skald.compactor.merge.IndexSwap;
import io.skald.compactor.merge.SegmentMerger;
import io.skald.compactor.support.Entry;
import io.skald.compactor.support.Segments;
import io.skald.events.v1.ObjectCreated;
import io.skald.index.IndexStore;
import io.skald.index.IndexedSegment;
import io.skald.layout.ObjectKeys;
import io.skald.storage.FileSystemObjectStore;
import io.skald.storage.ObjectStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompactionTriggerTest {

  static final LocalDate DAY = LocalDate.of(2026, 6, 8);

  @TempDir Path dir;

  @Test
  void compactsADayOnceEnoughSmallSegmentsAreIndexedAndIgnoresItsOwnOutputs() throws Exception {
    ObjectStore store = new FileSystemObjectStore(dir, "chunks");
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    SharedIndexer lock = new SharedIndexer(new SegmentIndexer(new IndexStore(store), meters));
    CompactionConfig config = CompactionConfig.defaults();
    Clock clock = Clock.systemUTC();
    DayCompactor compactor =
        new DayCompactor(
            new IndexStore(store),
            new CompactionPlanner(config),
            new SegmentMerger(store, config),
            new IndexSwap(store, clock, Duration.ofHours(2)));
    try (CompactionTrigger trigger =
        new CompactionTrigger(
            lock, compactor, config.smallSegmentBytes(), 4, new CompactorMetrics(meters), clock)) {
      lock.onFlush(trigger);
      for (int i = 0; i < 3; i++) {
        indexNew(store, lock, i);
      }
      assertThat(trigger.awaitIdle(Duration.ofSeconds(10))).isTrue();
      assertThat(new IndexStore(store).load("t", DAY).segments())
          .as("below the threshold")
          .hasSize(3);

      indexNew(store, lock, 3);
      assertThat(trigger.awaitIdle(Duration.ofSeconds(10))).isTrue();
      List<IndexedSegment> live = new IndexStore(store).load("t", DAY).segments();
      assertThat(live).singleElement().matches(s -> ObjectKeys.isCompacted(s.key()));
      assertThat(meters.timer("skald_compactor_compaction_lag_seconds").count()).isEqualTo(1);

      // An event for the compactor's own output is not indexed a second time.
      String output = live.get(0).key();
      ObjectCreated again = event(store, output);
      SegmentIndexer.Outcome outcome = lock.indexAndFlush(ix -> ix.index(again));
      assertThat(outcome).isEqualTo(SegmentIndexer.Outcome.SKIPPED);
    }
  }

  private static void indexNew(ObjectStore store, SharedIndexer lock, int i) throws Exception {
    String key = ObjectKeys.segment("t", DAY, 0, i * 10L);
    store.put(
        key,
        Segments.encode(
            List.of(Entry.of("{app=\"x\"}", Segments.dayStartNanos(DAY) + i, "line " + i))));
    ObjectCreated created = event(store, key);
    lock.indexAndFlush(ix -> ix.index(created));
  }

  private static ObjectCreated event(ObjectStore store, String key) throws Exception {
    var info = store.head(key).orElseThrow();
    return ObjectCreated.newBuilder()
        .setBucket(store.bucket())
        .setKey(key)
        .setSize(info.size())
        .setETag(info.eTag())
        .setEventTimeMillis(0L)
        .setSource("test")
        .build();
  }
}
