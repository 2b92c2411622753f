package io.skald.compactor.retention;

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
import io.skald.harness.MutableClock;
import io.skald.index.IndexedSegment;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionSweeperTest {

  static final Instant NOW = Instant.parse("2026-06-10T00:00:00Z");
  static final LocalDate OLD = LocalDate.of(2026, 6, 1);
  static final LocalDate RECENT = LocalDate.of(2026, 6, 8);
  static final String DEV = "{app=\"a\", env=\"dev\"}";
  static final String PROD = "{app=\"a\", env=\"prod\"}";
  static final Duration DELAY = Duration.ofHours(2);

  @TempDir Path dir;
  ObjectStore store;
  Segments segments;
  MutableClock clock = new MutableClock(NOW);

  @BeforeEach
  void setUp() throws Exception {
    store = new FileSystemObjectStore(dir, "chunks");
    segments = new Segments(store);
  }

  RetentionSweeper sweeper(RetentionPolicy policy) {
    SegmentMerger merger = new SegmentMerger(store, CompactionConfig.defaults());
    return new RetentionSweeper(store, policy, merger, new IndexSwap(store, clock, DELAY), clock);
  }

  static RetentionPolicy devFor72h() {
    return new RetentionPolicy(
        TenantLimits.of(
            Limits.builder()
                .retentionPeriod(Duration.ZERO)
                .retentionStream(
                    List.of(new RetentionStream("{env=\"dev\"}", 1, Duration.ofHours(72))))
                .build()));
  }

  @Test
  void dropsExpiredSegmentsRewritesMixedOnesAndKeepsTheRest() throws Exception {
    long old = Segments.dayStartNanos(OLD);
    String devOnly = segments.write("t", OLD, 0, 0, List.of(Entry.of(DEV, old, "d1")));
    String mixed =
        segments.write(
            "t", OLD, 0, 1, List.of(Entry.of(DEV, old + 1, "d2"), Entry.of(PROD, old + 1, "p1")));
    String prodOnly = segments.write("t", OLD, 0, 2, List.of(Entry.of(PROD, old + 2, "p2")));
    String recentDev =
        segments.write(
            "t", RECENT, 0, 0, List.of(Entry.of(DEV, Segments.dayStartNanos(RECENT), "fresh")));

    RetentionSweeper.Stats s = sweeper(devFor72h()).sweepTenant("t");

    assertThat(s.segmentsDropped()).isEqualTo(1);
    assertThat(s.segmentsRewritten()).isEqualTo(1);
    assertThat(s.streamsExpired()).isEqualTo(2);
    assertThat(s.entriesRemoved()).isEqualTo(2);
    List<String> keys =
        segments.index("t", OLD).segments().stream().map(IndexedSegment::key).toList();
    assertThat(keys).contains(prodOnly).doesNotContain(devOnly, mixed).hasSize(2);
    SimpleReader reader = new SimpleReader(store);
    assertThat(reader.readAll("t", OLD)).extracting(Entry::line).containsExactly("p1", "p2");
    assertThat(reader.readAll("t", RECENT)).extracting(Entry::line).containsExactly("fresh");
    assertThat(segments.index("t", RECENT).segments())
        .extracting(IndexedSegment::key)
        .containsExactly(recentDev);

    assertThat(store.head(devOnly)).as("deleted only after the delay").isPresent();
    clock.advance(DELAY);
    new DelayedDeleter(store, clock, DELAY).run("t");
    assertThat(store.head(devOnly)).isEmpty();
    assertThat(store.head(mixed)).isEmpty();
    assertThat(StoreChecks.unreferenced(store, "t", OLD)).isEmpty();
    assertThat(sweeper(devFor72h()).sweepTenant("t").streamsExpired()).as("idempotent").isZero();
  }

  @Test
  void theCutoffIsStrict() throws Exception {
    RetentionPolicy p =
        new RetentionPolicy(
            TenantLimits.of(Limits.builder().retentionPeriod(Duration.ofHours(24)).build()));
    long cutoff = (NOW.getEpochSecond() - 24 * 3600) * 1_000_000_000L;
    LocalDate day = LocalDate.of(2026, 6, 9);
    segments.write("t", day, 0, 0, List.of(Entry.of(PROD, cutoff, "at the cutoff")));
    segments.write("t", day, 0, 1, List.of(Entry.of(DEV, cutoff - 1, "just before")));
    sweeper(p).sweep("t", day);
    assertThat(new SimpleReader(store).readAll("t", day))
        .extracting(Entry::line)
        .containsExactly("at the cutoff");
  }

  @Test
  void keepForeverTouchesNothing() throws Exception {
    segments.write("t", OLD, 0, 0, List.of(Entry.of(DEV, Segments.dayStartNanos(OLD), "x")));
    assertThat(sweeper(RetentionPolicy.keepForever()).sweepTenant("t").streamsExpired()).isZero();
    assertThat(StoreChecks.pendingRecords(store)).isEmpty();
  }

  /** Random streams, rules and clock: exactly the expired (segment, stream) parts disappear. */
  @Test
  void removesExactlyTheExpiredData() throws Exception {
    long removed = 0;
    long kept = 0;
    for (long seed = 1; seed <= 8; seed++) {
      ObjectStore s =
          new FileSystemObjectStore(Files.createTempDirectory(dir, "p" + seed), "chunks");
      Segments segs = new Segments(s);
      Random r = new Random(seed);
      Map<String, Duration> periods = new HashMap<>();
      List<RetentionStream> rules = new ArrayList<>();
      Duration fallback = Duration.ofHours(24 * (1 + r.nextInt(6)));
      List<LocalDate> days =
          List.of(LocalDate.of(2026, 6, 2), LocalDate.of(2026, 6, 5), LocalDate.of(2026, 6, 8));
      Map<LocalDate, List<List<Entry>>> written = new HashMap<>();
      for (LocalDate day : days) {
        RandomLogs logs = new RandomLogs(seed * 31 + day.getDayOfMonth(), day);
        for (String stream : logs.streams()) {
          periods.computeIfAbsent(stream, x -> Duration.ofHours(24 * (1 + r.nextInt(8))));
        }
        written.put(day, logs.segments(4, 20));
        long offset = 0;
        for (List<Entry> seg : written.get(day)) {
          segs.write("t", day, 0, offset++, seg);
        }
      }
      periods.forEach((stream, period) -> rules.add(new RetentionStream(stream, 1, period)));
      clock.set(Instant.parse("2026-06-10T00:00:00Z").plusSeconds(r.nextInt(86_400 * 3)));
      RetentionPolicy policy =
          new RetentionPolicy(
              TenantLimits.of(
                  Limits.builder().retentionPeriod(fallback).retentionStream(rules).build()));
      removed +=
          new RetentionSweeper(
                  s,
                  policy,
                  new SegmentMerger(s, CompactionConfig.defaults()),
                  new IndexSwap(s, clock, DELAY),
                  clock)
              .sweepTenant("t")
              .entriesRemoved();

      long now = clock.instant().getEpochSecond() * 1_000_000_000L;
      for (LocalDate day : days) {
        TreeSet<Entry> expected = new TreeSet<>(Entry.ORDER);
        for (List<Entry> seg : written.get(day)) {
          Map<String, Long> newest = new HashMap<>();
          seg.forEach(e -> newest.merge(e.labels(), e.ts(), Math::max));
          seg.stream()
              .filter(e -> newest.get(e.labels()) >= now - periods.get(e.labels()).toNanos())
              .forEach(expected::add);
        }
        assertThat(new SimpleReader(s).readAll("t", day))
            .as("seed " + seed + " day " + day)
            .containsExactlyElementsOf(expected);
        StoreChecks.assertIndexComplete(s, "t", day);
        kept += expected.size();
      }
      s.close();
    }
    assertThat(removed).as("some data expired").isPositive();
    assertThat(kept).as("some data survived").isPositive();
  }
}
