package io.skald.compactor.merge;

import static org.assertj.core.api.Assertions.assertThat;

import io.skald.compactor.support.Entry;
import io.skald.compactor.support.Segments;
import io.skald.compactor.support.StoreChecks;
import io.skald.harness.MutableClock;
import io.skald.index.IndexStore;
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

class DelayedDeleterTest {

  static final LocalDate DAY = LocalDate.of(2026, 11, 25);
  static final long T0 = Segments.dayStartNanos(DAY);
  static final String A = "{app=\"a\"}";
  static final Duration DELAY = Duration.ofHours(2);

  @TempDir Path dir;
  ObjectStore store;
  Segments segments;
  MutableClock clock = new MutableClock(Instant.parse("2026-11-26T00:00:00Z"));
  DelayedDeleter deleter;
  PendingDeleteStore pending;
  String k1;
  String k2;
  MergeResult merged;

  @BeforeEach
  void setUp() throws Exception {
    store = new FileSystemObjectStore(dir, "chunks");
    segments = new Segments(store);
    deleter = new DelayedDeleter(store, clock, DELAY);
    pending = new PendingDeleteStore(store);
    k1 = segments.write("t", DAY, 0, 0, List.of(Entry.of(A, T0, "x")));
    k2 = segments.write("t", DAY, 0, 1, List.of(Entry.of(A, T0 + 1, "y")));
    merged =
        new SegmentMerger(store, CompactionConfig.defaults())
            .merge("t", DAY, "merge", "", List.of(k1, k2), EntryFilter.KEEP_ALL);
  }

  @Test
  void deletesSwappedOutInputsOnlyAfterTheDelay() throws Exception {
    new IndexSwap(store, clock, DELAY).commit(merged.replacement());
    clock.advance(DELAY.minusSeconds(1));
    assertThat(deleter.run(null).deleted()).isZero();
    assertThat(store.head(k1)).isPresent();

    clock.advance(Duration.ofSeconds(1));
    DelayedDeleter.Stats s = deleter.run(null);
    assertThat(s.deleted()).isEqualTo(2);
    assertThat(store.head(k1)).isEmpty();
    assertThat(store.head(k2)).isEmpty();
    assertThat(StoreChecks.pendingRecords(store)).isEmpty();
    StoreChecks.assertIndexComplete(store, "t", DAY);
  }

  @Test
  void neverDeletesWhatTheIndexReferences() throws Exception {
    new IndexSwap(store, clock, DELAY).commit(merged.replacement());
    // a chunker replay re-indexes k1 (same bytes) after the swap
    segments.index("t", DAY, k1, store.get(k1).orElseThrow());
    clock.advance(DELAY);
    DelayedDeleter.Stats s = deleter.run("t");
    assertThat(s.keptReferenced()).isEqualTo(2); // k1 and the output
    assertThat(store.head(k1)).isPresent();
    assertThat(store.head(k2)).isEmpty();
    StoreChecks.assertIndexComplete(store, "t", DAY);
  }

  @Test
  void leavesAnInputThatWasRewrittenSinceItWasRead() throws Exception {
    new IndexSwap(store, clock, DELAY).commit(merged.replacement());
    store.put(k2, Segments.encode(List.of(Entry.of(A, T0 + 1, "y"), Entry.of(A, T0 + 2, "late"))));
    clock.advance(DELAY);
    deleter.run(null);
    assertThat(store.head(k1)).isEmpty();
    assertThat(store.head(k2)).as("a replay rewrote it: not the object we replaced").isPresent();
  }

  @Test
  void intentRecordsAreRecheckedAndGarbageGoesOneDelayLater() throws Exception {
    // crash right after writing outputs: the intent record exists, the swap did not happen
    pending.save(PendingDelete.intent(merged.replacement(), clock.instant().plus(DELAY)));
    String out = merged.outputs().get(0).key();
    store.put(out, merged.outputs().get(0).bytes());

    clock.advance(DELAY);
    DelayedDeleter.Stats s = deleter.run(null);
    assertThat(s.keptReferenced()).isEqualTo(2); // inputs still live
    assertThat(s.rearmed()).isEqualTo(1); // the unreferenced output
    assertThat(store.head(out)).isPresent();

    clock.advance(DELAY);
    assertThat(deleter.run(null).deleted()).isEqualTo(1);
    assertThat(store.head(out)).isEmpty();
    assertThat(store.head(k1)).isPresent();
    assertThat(StoreChecks.pendingRecords(store)).isEmpty();
    assertThat(StoreChecks.unreferenced(store, "t", DAY)).isEmpty();
  }

  @Test
  void keepsEverythingWhenTheIndexCannotBeRead() throws Exception {
    new IndexSwap(store, clock, DELAY).commit(merged.replacement());
    store.put(ObjectKeys.index("t", DAY), "not json".getBytes());
    clock.advance(DELAY);
    assertThat(deleter.run(null).deleted()).isZero();
    assertThat(store.head(k1)).isPresent();
    assertThat(StoreChecks.pendingRecords(store)).hasSize(1);
    assertThat(new IndexStore(store).objects()).isSameAs(store);
  }

  @Test
  void keepsEverythingWhenTheIndexIsMissing() throws Exception {
    new IndexSwap(store, clock, DELAY).commit(merged.replacement());
    store.delete(ObjectKeys.index("t", DAY)); // e.g. an index being rebuilt
    clock.advance(DELAY.multipliedBy(3));
    deleter.run(null);
    deleter.run(null);
    assertThat(store.head(k1)).isPresent();
    assertThat(store.head(merged.outputs().get(0).key())).isPresent();
  }
}
