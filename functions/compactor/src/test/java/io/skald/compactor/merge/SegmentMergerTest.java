package io.skald.compactor.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skald.compactor.support.Entry;
import io.skald.compactor.support.Segments;
import io.skald.labels.Label;
import io.skald.layout.ObjectKeys;
import io.skald.segment.BlockCursor;
import io.skald.segment.SegmentReader;
import io.skald.segment.StreamInfo;
import io.skald.storage.FileSystemObjectStore;
import io.skald.storage.NoSuchObjectException;
import io.skald.storage.ObjectStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentMergerTest {

  static final LocalDate DAY = LocalDate.of(2026, 11, 25);
  static final long T0 = Segments.dayStartNanos(DAY);
  static final String A = "{app=\"a\"}";
  static final String B = "{app=\"b\"}";

  @TempDir Path dir;
  ObjectStore store;
  Segments segments;
  SegmentMerger merger;

  @BeforeEach
  void setUp() throws Exception {
    store = new FileSystemObjectStore(dir, "chunks");
    segments = new Segments(store);
    merger = new SegmentMerger(store, CompactionConfig.defaults());
  }

  @Test
  void mergesStreamsInTimeOrderAndDropsExactDuplicates() throws Exception {
    List<Label> md = List.of(new Label("trace_id", "t1"));
    String k1 =
        segments.write(
            "t",
            DAY,
            0,
            0,
            List.of(
                Entry.of(A, T0 + 5, "five"),
                Entry.of(A, T0 + 1, "one"),
                Entry.of(B, T0 + 3, "b3")));
    String k2 =
        segments.write(
            "t",
            DAY,
            1,
            0,
            List.of(
                Entry.of(A, T0 + 3, "three"),
                Entry.of(A, T0 + 5, "five"), // exact duplicate
                Entry.of(A, T0 + 5, "five again"), // same time, other line: kept
                new Entry(B, T0 + 3, "b3", md))); // other metadata: kept

    MergeResult r = merger.merge("t", DAY, "merge", "", List.of(k1, k2), EntryFilter.KEEP_ALL);

    assertThat(r.duplicates()).isEqualTo(1);
    assertThat(r.entriesIn()).isEqualTo(7);
    assertThat(r.entriesOut()).isEqualTo(6);
    assertThat(r.outputs()).hasSize(1);
    SegmentOutput out = r.outputs().get(0);
    assertThat(ObjectKeys.parseSegment(out.key())).isPresent();
    assertThat(lines(out, A)).containsExactly("one", "three", "five", "five again");
    assertThat(lines(out, B)).containsExactly("b3", "b3");
    assertThat(r.inputs()).extracting(InputRef::key).containsExactly(k1, k2);
    assertThat(store.head(out.key())).as("the merger writes nothing").isEmpty();
  }

  @Test
  void outputKeysAreDeterministicAndDependOnInputVersions() throws Exception {
    String k1 = segments.write("t", DAY, 0, 0, List.of(Entry.of(A, T0, "x")));
    String k2 = segments.write("t", DAY, 0, 9, List.of(Entry.of(A, T0 + 1, "y")));
    MergeResult first = merger.merge("t", DAY, "merge", "", List.of(k1, k2), EntryFilter.KEEP_ALL);
    MergeResult again = merger.merge("t", DAY, "merge", "", List.of(k2, k1), EntryFilter.KEEP_ALL);
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.outputs().get(0).key()).isEqualTo(first.outputs().get(0).key());
    assertThat(again.outputs().get(0).bytes()).isEqualTo(first.outputs().get(0).bytes());

    MergeResult other =
        merger.merge("t", DAY, "retention", "", List.of(k1, k2), EntryFilter.KEEP_ALL);
    assertThat(other.id()).isNotEqualTo(first.id());

    segments.write("t", DAY, 0, 0, List.of(Entry.of(A, T0, "x"), Entry.of(A, T0 + 2, "replayed")));
    MergeResult rewritten =
        merger.merge("t", DAY, "merge", "", List.of(k1, k2), EntryFilter.KEEP_ALL);
    assertThat(rewritten.id())
        .as("a rewritten input is a different input")
        .isNotEqualTo(first.id());
  }

  @Test
  void filtersWholeStreamsAndSingleEntries() throws Exception {
    String k =
        segments.write(
            "t",
            DAY,
            0,
            0,
            List.of(
                Entry.of(A, T0, "keep"), Entry.of(A, T0 + 1, "secret"), Entry.of(B, T0, "gone")));
    EntryFilter filter =
        labels ->
            labels.equals(B)
                ? EntryFilter.StreamFilter.DROP_ALL
                : (ts, e) -> e.lineString().contains("secret");
    MergeResult r = merger.merge("t", DAY, "delete", "x", List.of(k), filter);
    assertThat(r.filtered()).isEqualTo(2);
    assertThat(r.outputs()).hasSize(1);
    assertThat(r.outputs().get(0).streams()).extracting(StreamInfo::labels).containsExactly(A);
    assertThat(lines(r.outputs().get(0), A)).containsExactly("keep");
  }

  @Test
  void everythingFilteredMeansNoOutput() throws Exception {
    String k = segments.write("t", DAY, 0, 0, List.of(Entry.of(A, T0, "x")));
    MergeResult r =
        merger.merge(
            "t", DAY, "retention", "", List.of(k), labels -> EntryFilter.StreamFilter.DROP_ALL);
    assertThat(r.outputs()).isEmpty();
    assertThat(r.entriesOut()).isZero();
  }

  @Test
  void cutsOutputsAtTheRawByteBoundEvenInsideAStream() throws Exception {
    CompactionConfig small =
        new CompactionConfig(2, 1 << 20, 1 << 20, Duration.ZERO, 10_000, 1024, 1);
    SegmentMerger m = new SegmentMerger(store, small);
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      entries.add(
          Entry.of(i % 2 == 0 ? A : B, T0 + i, "line-%05d-%s".formatted(i, "x".repeat(40))));
    }
    String k1 = segments.write("t", DAY, 0, 0, entries.subList(0, 250));
    String k2 = segments.write("t", DAY, 0, 250, entries.subList(250, 500));
    MergeResult r = m.merge("t", DAY, "merge", "", List.of(k1, k2), EntryFilter.KEEP_ALL);
    assertThat(r.outputs().size()).isGreaterThan(2);
    List<String> all = new ArrayList<>();
    for (SegmentOutput o : r.outputs()) {
      assertThat(ObjectKeys.parseSegment(o.key())).isPresent();
      all.addAll(lines(o, A));
      all.addAll(lines(o, B));
    }
    assertThat(all).hasSize(500).doesNotHaveDuplicates();
  }

  @Test
  void aMissingInputIsReported() throws Exception {
    String k = segments.write("t", DAY, 0, 0, List.of(Entry.of(A, T0, "x")));
    store.delete(k);
    assertThatThrownBy(() -> merger.merge("t", DAY, "merge", "", List.of(k), EntryFilter.KEEP_ALL))
        .isInstanceOf(NoSuchObjectException.class);
  }

  static List<String> lines(SegmentOutput out, String labels) throws Exception {
    List<String> lines = new ArrayList<>();
    for (StreamInfo s : SegmentReader.readFooter(out.bytes()).streams()) {
      if (!s.labels().equals(labels)) {
        continue;
      }
      for (var b : s.blocks()) {
        BlockCursor c =
            SegmentReader.openBlock(
                java.util.Arrays.copyOfRange(
                    out.bytes(), (int) b.offset(), (int) b.offset() + b.length()),
                b);
        while (c.next()) {
          lines.add(c.lineString());
        }
      }
    }
    return lines;
  }
}
