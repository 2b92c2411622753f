package io.skald.compactor.merge;

import static org.assertj.core.api.Assertions.assertThat;

import io.skald.compactor.support.Entry;
import io.skald.compactor.support.Segments;
import io.skald.compactor.support.SimpleReader;
import io.skald.harness.MutableClock;
import io.skald.index.IndexedSegment;
import io.skald.layout.ObjectKeys;
import io.skald.storage.FileSystemObjectStore;
import io.skald.storage.ObjectStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexSwapTest {

  static final LocalDate DAY = LocalDate.of(2026, 11, 25);
  static final long T0 = Segments.dayStartNanos(DAY);
  static final String A = "{app=\"a\"}";
  static final Duration DELAY = Duration.ofHours(2);

  @TempDir Path dir;
  ObjectStore store;
  Segments segments;
  MutableClock clock = new MutableClock(Instant.parse("2026-11-26T00:00:00Z"));
  SegmentMerger merger;
  IndexSwap swap;
  PendingDeleteStore pending;

  @BeforeEach
  void setUp() throws Exception {
    store = new FileSystemObjectStore(dir, "chunks");
    segments = new Segments(store);
    merger = new SegmentMerger(store, CompactionConfig.defaults());
    swap = new IndexSwap(store, clock, DELAY);
    pending = new PendingDeleteStore(store);
  }

  @Test
  void replacesInputsByOutputsInOneIndexWriteAndRecordsTheInputs() throws Exception {
    String k1 = segments.write("t", DAY, 0, 0, List.of(Entry.of(A, T0, "x")));
    String k2 = segments.write("t", DAY, 0, 1, List.of(Entry.of(A, T0 + 1, "y")));
    List<Entry> before = new SimpleReader(store).readAll("t", DAY);
    MergeResult r = merger.merge("t", DAY, "merge", "", List.of(k1, k2), EntryFilter.KEEP_ALL);

    assertThat(swap.commit(r.replacement())).isEqualTo(IndexSwap.Outcome.SWAPPED);

    assertThat(segments.index("t", DAY).segments())
        .extracting(IndexedSegment::key)
        .containsExactly(r.outputs().get(0).key());
    assertThat(new SimpleReader(store).readAll("t", DAY)).isEqualTo(before);
    assertThat(store.head(k1)).as("inputs stay until the delay has passed").isPresent();
    PendingDelete record = pending.load(ObjectKeys.pendingDeletes("t", DAY, r.id())).orElseThrow();
    assertThat(record.deleteAfter()).isEqualTo(clock.instant().plus(DELAY));
    assertThat(record.candidates())
        .filteredOn(c -> c.action() == PendingDelete.Action.DELETE)
        .extracting(PendingDelete.Candidate::key)
        .containsExactly(k1, k2);
  }

  @Test
  void refusesWhenAnInputLeftTheIndex() throws Exception {
    String k1 = segments.write("t", DAY, 0, 0, List.of(Entry.of(A, T0, "x")));
    String k2 = segments.write("t", DAY, 0, 1, List.of(Entry.of(A, T0 + 1, "y")));
    MergeResult r = merger.merge("t", DAY, "merge", "", List.of(k1, k2), EntryFilter.KEEP_ALL);
    var index = segments.index("t", DAY);
    index.remove(k2);
    new io.skald.index.IndexStore(store).save(index);

    assertThat(swap.commit(r.replacement())).isEqualTo(IndexSwap.Outcome.CONFLICT);
    assertThat(segments.index("t", DAY).segments())
        .extracting(IndexedSegment::key)
        .containsExactly(k1);
  }

  @Test
  void refusesWhenAnInputWasRewrittenSinceItWasRead() throws Exception {
    String k1 = segments.write("t", DAY, 0, 0, List.of(Entry.of(A, T0, "x")));
    String k2 = segments.write("t", DAY, 0, 1, List.of(Entry.of(A, T0 + 1, "y")));
    MergeResult r = merger.merge("t", DAY, "merge", "", List.of(k1, k2), EntryFilter.KEEP_ALL);
    // a chunker replay rewrites k2 with one more entry and re-indexes it
    segments.write("t", DAY, 0, 1, List.of(Entry.of(A, T0 + 1, "y"), Entry.of(A, T0 + 2, "z")));

    assertThat(swap.commit(r.replacement())).isEqualTo(IndexSwap.Outcome.CONFLICT);
    assertThat(new SimpleReader(store).read("t", DAY, A, T0, T0 + 10))
        .extracting(Entry::line)
        .containsExactly("x", "y", "z");
  }
}
