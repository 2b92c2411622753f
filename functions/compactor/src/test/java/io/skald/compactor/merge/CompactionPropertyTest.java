package io.skald.compactor.merge;

import static org.assertj.core.api.Assertions.assertThat;

import io.skald.compactor.support.Entry;
import io.skald.compactor.support.RandomLogs;
import io.skald.compactor.support.ReadChecks;
import io.skald.compactor.support.Segments;
import io.skald.compactor.support.StoreChecks;
import io.skald.harness.MutableClock;
import io.skald.index.IndexStore;
import io.skald.index.TenantDayIndex;
import io.skald.storage.FileSystemObjectStore;
import io.skald.storage.ObjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: for random streams written as many small segments, a fixed set of reads returns the
 * same entries before a compaction, through the old index copy while it runs (until the delay),
 * after it, and across several rounds of new segments and re-compaction. Seeded, so a failure names
 * the seed that reproduces it.
 */
class CompactionPropertyTest {

  static final LocalDate DAY = LocalDate.of(2026, 6, 1);
  static final int SEEDS = 25;
  private long swapped;
  private long deduplicated;

  @TempDir Path dir;

  @Test
  void readsAreIdenticalBeforeDuringAndAfterCompaction() throws Exception {
    for (long seed = 1; seed <= SEEDS; seed++) {
      try {
        runSeed(seed);
      } catch (AssertionError | Exception e) {
        throw new AssertionError("seed " + seed + " failed: " + e.getMessage(), e);
      }
    }
    // the property is only interesting if compactions (with duplicates) really happened
    assertThat(swapped).isGreaterThan(SEEDS);
    assertThat(deduplicated).isPositive();
    System.out.println("swapped=" + swapped + " dups=" + deduplicated);
  }

  private void runSeed(long seed) throws Exception {
    RandomLogs logs = new RandomLogs(seed, DAY);
    Random r = logs.random();
    int small = 2_000 + r.nextInt(30_000);
    CompactionConfig cfg =
        new CompactionConfig(
            2 + r.nextInt(3),
            small,
            small + r.nextInt(20_000),
            Duration.ofHours(2),
            2_000 + r.nextInt(60_000),
            256 + r.nextInt(4096),
            1);
    ObjectStore store =
        new FileSystemObjectStore(Files.createTempDirectory(dir, "s" + seed), "chunks");
    MutableClock clock = new MutableClock(Instant.parse("2026-06-02T00:00:00Z"));
    IndexSwap swap = new IndexSwap(store, clock, cfg.retentionDeleteDelay());
    DayCompactor compactor =
        new DayCompactor(
            new IndexStore(store), new CompactionPlanner(cfg), new SegmentMerger(store, cfg), swap);
    DelayedDeleter deleter = new DelayedDeleter(store, clock, cfg.retentionDeleteDelay());
    Segments segments = new Segments(store);
    ReadChecks checks = new ReadChecks(logs.streams(), logs.windows(6));
    List<Entry> written = new ArrayList<>();
    long offset = 0;

    for (int round = 0; round < 3; round++) {
      for (List<Entry> seg : logs.segments(1 + r.nextInt(10), 40)) {
        segments.write("t", DAY, r.nextInt(3), offset++, seg);
        written.addAll(seg);
      }
      List<List<Entry>> expected = checks.expected(written);
      assertThat(checks.run(store, "t", DAY)).as("before").isEqualTo(expected);

      TenantDayIndex before = new IndexStore(store).load("t", DAY);
      DayCompactor.Stats stats = compactor.compact("t", DAY);
      assertThat(stats.groupsSwapped()).isEqualTo(stats.groupsPlanned());
      swapped += stats.groupsSwapped();
      deduplicated += stats.duplicatesDropped();
      TenantDayIndex after = new IndexStore(store).load("t", DAY);
      assertThat(after.segments().size()).isLessThanOrEqualTo(before.segments().size());

      assertThat(checks.run(store, "t", DAY)).as("after, round " + round).isEqualTo(expected);
      assertThat(checks.run(store, before))
          .as("old index copy, round " + round)
          .isEqualTo(expected);
      StoreChecks.assertIndexComplete(store, "t", DAY);

      clock.advance(cfg.retentionDeleteDelay());
      deleter.run(null);
      assertThat(checks.run(store, "t", DAY)).as("after delayed deletion").isEqualTo(expected);
      StoreChecks.assertIndexComplete(store, "t", DAY);
    }
    clock.advance(cfg.retentionDeleteDelay());
    deleter.run(null);
    assertThat(StoreChecks.unreferenced(store, "t", DAY)).as("garbage left").isEmpty();
    assertThat(StoreChecks.pendingRecords(store)).isEmpty();
    store.close();
  }
}
