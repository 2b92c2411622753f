package io.skald.compactor.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skald.compactor.deletion.DeleteProcessor;
import io.skald.compactor.retention.RetentionPolicy;
import io.skald.compactor.retention.RetentionSweeper;
import io.skald.compactor.support.Entry;
import io.skald.compactor.support.FaultyStore;
import io.skald.compactor.support.RandomLogs;
import io.skald.compactor.support.ReadChecks;
import io.skald.compactor.support.Segments;
import io.skald.compactor.support.StoreChecks;
import io.skald.deletes.DeleteRequestParams;
import io.skald.deletes.DeleteRequestStore;
import io.skald.deletes.DeletionConfig;
import io.skald.harness.MutableClock;
import io.skald.index.IndexStore;
import io.skald.layout.ObjectKeys;
import io.skald.limits.Limits;
import io.skald.limits.RetentionStream;
import io.skald.limits.TenantLimits;
import io.skald.storage.FileSystemObjectStore;
import io.skald.storage.ObjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Simulates a crash at every object write of a compaction, a retention sweep, a delete run and a
 * delayed-deletion run (the store refuses the Nth write and every later one, like a dead process).
 * After each crash the store must be consistent (every indexed object exists, reads return all
 * data), and after the next runs complete (the work is done, nothing is lost, no garbage objects or
 * records are left).
 */
class CrashSafetyTest {

  static final LocalDate DAY = LocalDate.of(2026, 6, 1);
  static final Duration DELAY = Duration.ofHours(2);
  static final Instant NOW = Instant.parse("2026-06-10T00:00:00Z");
  static final CompactionConfig CFG =
      new CompactionConfig(2, 1 << 20, 1 << 20, DELAY, 6_000, 1024, 1);

  @TempDir Path dir;

  /** A world: a faulty store over a fresh directory, with data written and the expected reads. */
  private final class World {
    final FaultyStore store;
    final MutableClock clock = new MutableClock(NOW);
    final ReadChecks checks;
    final List<Entry> written = new ArrayList<>();
    final int segmentsBefore;

    World() throws Exception {
      store =
          new FaultyStore(new FileSystemObjectStore(Files.createTempDirectory(dir, "w"), "chunks"));
      RandomLogs logs = new RandomLogs(7, DAY);
      Segments segments = new Segments(store);
      long offset = 0;
      for (List<Entry> seg : logs.segments(6, 30)) {
        segments.write("t", DAY, 0, offset++, seg);
        written.addAll(seg);
      }
      // one segment of dev streams only and one of prod only, for retention
      segments.write(
          "t",
          DAY,
          1,
          0,
          List.of(Entry.of("{app=\"x\", env=\"dev\"}", Segments.dayStartNanos(DAY), "old")));
      segments.write(
          "t",
          DAY,
          1,
          1,
          List.of(
              Entry.of(
                  "{app=\"y\", env=\"prod\"}", Segments.dayStartNanos(DAY) + 5, "secret kept?")));
      written.add(Entry.of("{app=\"x\", env=\"dev\"}", Segments.dayStartNanos(DAY), "old"));
      written.add(
          Entry.of("{app=\"y\", env=\"prod\"}", Segments.dayStartNanos(DAY) + 5, "secret kept?"));
      List<String> streams = new ArrayList<>(logs.streams());
      streams.add("{app=\"x\", env=\"dev\"}");
      streams.add("{app=\"y\", env=\"prod\"}");
      checks = new ReadChecks(streams, logs.windows(4));
      segmentsBefore = new IndexStore(store).load("t", DAY).segments().size();
    }

    List<List<Entry>> expected(Predicate<Entry> kept) {
      return checks.expected(written.stream().filter(kept).toList());
    }

    void assertConsistent(List<List<Entry>> expected) throws Exception {
      StoreChecks.assertIndexComplete(store, "t", DAY);
      assertThat(checks.run(store, "t", DAY)).isEqualTo(expected);
    }

    /** Runs the deleter until nothing is pending (three delays cover RECHECK then DELETE). */
    void drainDeletes() throws Exception {
      DelayedDeleter deleter = new DelayedDeleter(store, clock, DELAY);
      for (int i = 0; i < 3; i++) {
        clock.advance(DELAY);
        deleter.run(null);
      }
      assertThat(StoreChecks.pendingRecords(store)).as("pending records").isEmpty();
      assertThat(StoreChecks.unreferenced(store, "t", DAY)).as("garbage").isEmpty();
    }
  }

  @FunctionalInterface
  interface Step {
    void run(World w) throws Exception;
  }

  /**
   * Counts the writes of a clean run of {@code step}, then for each write N crashes there, checks
   * consistency, re-runs {@code step} healthy and drains deletions.
   */
  private List<String> crashAtEveryWrite(
      Step step, Predicate<Entry> keptAfter, Predicate<World> done) throws Exception {
    World clean = new World();
    clean.store.crashAt(Integer.MAX_VALUE);
    step.run(clean);
    List<String> writes = List.copyOf(clean.store.log());
    assertThat(writes).isNotEmpty();
    for (int n = 1; n <= writes.size(); n++) {
      World w = new World();
      List<List<Entry>> before = w.expected(e -> true);
      w.store.crashAt(n);
      assertThatThrownBy(() -> step.run(w))
          .as("crash at write " + n)
          .isInstanceOf(FaultyStore.Crash.class);
      w.store.heal();
      List<List<Entry>> after = w.expected(keptAfter);
      // Right after the crash every indexed object exists, nothing that is kept is missing and
      // nothing reappears. (A run swaps group by group, so some groups may be done already.)
      StoreChecks.assertIndexComplete(w.store, "t", DAY);
      List<List<Entry>> reads = w.checks.run(w.store, "t", DAY);
      for (int i = 0; i < reads.size(); i++) {
        assertThat(reads.get(i))
            .as("reads after crash at " + writes.get(n - 1))
            .containsAll(after.get(i))
            .isSubsetOf(before.get(i));
      }
      step.run(w);
      w.assertConsistent(after);
      w.drainDeletes();
      w.assertConsistent(after);
      assertThat(done.test(w)).as("work done after crash at " + writes.get(n - 1)).isTrue();
    }
    return writes;
  }

  private static DayCompactor compactor(ObjectStore store, MutableClock clock) {
    return new DayCompactor(
        new IndexStore(store),
        new CompactionPlanner(CFG),
        new SegmentMerger(store, CFG),
        new IndexSwap(store, clock, DELAY));
  }

  @Test
  void compactionSurvivesACrashAtEveryWrite() throws Exception {
    List<String> writes =
        crashAtEveryWrite(
            w -> compactor(w.store, w.clock).compact("t", DAY),
            e -> true,
            w -> segmentCount(w) < w.segmentsBefore);
    // the order the crash-safety argument relies on, per group: record, outputs, index, record
    assertThat(writes.get(0)).startsWith("put compactor/pending-deletes/");
    assertThat(writes.get(1)).contains("/c-");
    assertThat(writes).anyMatch(s -> s.startsWith("put index/v1/t/"));
    assertThat(writes.get(writes.size() - 1)).startsWith("put compactor/pending-deletes/");
  }

  @Test
  void aSwapWithSeveralOutputsSurvivesACrashAtEveryWrite() throws Exception {
    CompactionConfig tiny = new CompactionConfig(2, 1 << 20, 1 << 20, DELAY, 400, 256, 1);
    List<String> writes =
        crashAtEveryWrite(
            w -> {
              List<String> keys =
                  new IndexStore(w.store)
                      .load("t", DAY).segments().stream()
                          .map(io.skald.index.IndexedSegment::key)
                          .filter(k -> !ObjectKeys.isCompacted(k))
                          .toList();
              if (!keys.isEmpty()) {
                MergeResult r =
                    new SegmentMerger(w.store, tiny)
                        .merge("t", DAY, "merge", "", keys, EntryFilter.KEEP_ALL);
                new IndexSwap(w.store, w.clock, DELAY).commit(r.replacement());
              }
            },
            e -> true,
            w -> segmentCount(w) > 0);
    assertThat(writes.stream().filter(x -> x.contains("/c-"))).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void retentionSurvivesACrashAtEveryWrite() throws Exception {
    RetentionPolicy policy =
        new RetentionPolicy(
            TenantLimits.of(
                Limits.builder()
                    .retentionPeriod(Duration.ZERO)
                    .retentionStream(
                        List.of(new RetentionStream("{env=\"dev\"}", 1, Duration.ofHours(72))))
                    .build()));
    crashAtEveryWrite(
        w ->
            new RetentionSweeper(
                    w.store,
                    policy,
                    new SegmentMerger(w.store, CFG),
                    new IndexSwap(w.store, w.clock, DELAY),
                    w.clock)
                .sweepTenant("t"),
        e -> !e.labels().contains("env=\"dev\""),
        w -> true);
  }

  @Test
  void physicalDeletionSurvivesACrashAtEveryWrite() throws Exception {
    Path admin = Files.createTempDirectory(dir, "admin");
    crashAtEveryWrite(
        w -> {
          DeleteRequestStore requests =
              new DeleteRequestStore(
                  new FileSystemObjectStore(
                      admin.resolve(Long.toString(System.identityHashCode(w))), "admin"),
                  w.clock,
                  DeletionConfig.defaults());
          if (requests.list("t").isEmpty()) {
            w.clock.advance(Duration.ofHours(-25));
            requests.add(
                "t",
                DeleteRequestParams.parse(
                    Map.of(
                        "query",
                        "{env=\"prod\"} |= \"secret\"",
                        "start",
                        "2026-06-01T00:00:00Z",
                        "end",
                        "2026-06-02T00:00:00Z"),
                    w.clock.instant(),
                    DeletionConfig.defaults()));
            w.clock.advance(Duration.ofHours(25));
          }
          new DeleteProcessor(
                  w.store,
                  requests,
                  new SegmentMerger(w.store, CFG),
                  new IndexSwap(w.store, w.clock, DELAY))
              .process("t");
        },
        e -> !(e.labels().contains("env=\"prod\"") && e.line().contains("secret")),
        w -> true);
  }

  @Test
  void delayedDeletionSurvivesACrashAtEveryWrite() throws Exception {
    crashAtEveryWrite(
        w -> {
          if (segmentCount(w) == w.segmentsBefore) {
            compactor(w.store, w.clock).compact("t", DAY);
          }
          w.clock.advance(DELAY);
          new DelayedDeleter(w.store, w.clock, DELAY).run(null);
        },
        e -> true,
        w -> segmentCount(w) < w.segmentsBefore);
  }

  private static int segmentCount(World w) {
    try {
      return new IndexStore(w.store).load("t", DAY).segments().size();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
