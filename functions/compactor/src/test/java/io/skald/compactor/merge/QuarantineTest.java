package io.skald.compactor.merge;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skald.compactor.support.Entry;
import io.skald.compactor.support.Segments;
import io.skald.compactor.support.SimpleReader;
import io.skald.index.IndexStore;
import io.skald.index.IndexedSegment;
import io.skald.layout.ObjectKeys;
import io.skald.storage.FileSystemObjectStore;
import io.skald.storage.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A corrupt or truncated segment is moved aside and never stops compaction of the rest. */
class QuarantineTest {

  static final LocalDate DAY = LocalDate.of(2026, 11, 25);
  static final long T0 = Segments.dayStartNanos(DAY);
  static final String A = "{app=\"a\"}";

  @TempDir Path dir;

  @Test
  void corruptInputIsQuarantinedAndTheRestIsCompacted() throws Exception {
    ObjectStore store = new FileSystemObjectStore(dir, "chunks");
    Segments segments = new Segments(store);
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      keys.add(segments.write("t", DAY, 0, i, List.of(Entry.of(A, T0 + i, "line " + i))));
    }
    String bad = keys.get(2);
    byte[] good = store.get(bad).orElseThrow();
    store.put(bad, java.util.Arrays.copyOf(good, good.length / 2)); // truncated after indexing

    IndexStore indexes = new IndexStore(store);
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    CompactionConfig config = CompactionConfig.defaults();
    DayCompactor compactor =
        new DayCompactor(
            indexes,
            new CompactionPlanner(config),
            new SegmentMerger(store, config),
            new IndexSwap(store, Clock.systemUTC(), Duration.ofHours(2)),
            new Quarantine(indexes, meters));

    compactor.compact("t", DAY); // finds the bad input, moves it aside
    DayCompactor.Stats second = compactor.compact("t", DAY); // merges the rest

    assertThat(store.head(bad)).isEmpty();
    assertThat(store.get(ObjectKeys.quarantined(bad))).isPresent();
    assertThat(
            new String(
                store.get(ObjectKeys.quarantineReason(bad)).orElseThrow(), StandardCharsets.UTF_8))
        .contains(bad);
    assertThat(meters.counter("skald_compactor_quarantined_objects_total").count()).isEqualTo(1.0);
    assertThat(indexes.load("t", DAY).segments())
        .extracting(IndexedSegment::key)
        .doesNotContain(bad);
    assertThat(second.groupsSwapped()).isEqualTo(1);
    assertThat(new SimpleReader(store).readAll("t", DAY))
        .extracting(Entry::line)
        .containsExactly("line 0", "line 1", "line 3", "line 4");
  }
}
