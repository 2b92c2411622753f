package io.skald.segment;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skald.labels.Label;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamMergeTest {
  private static final String S = "{s=\"1\"}";

  /** One stored stream: its segment bytes and blocks. */
  record Part(byte[] segment, List<BlockRef> blocks) {}

  @Test
  void mergesPartsInTimeOrderAndKeepsTheFirstCopyOfEachEntry() throws Exception {
    List<Label> md = List.of(new Label("trace", "t1"));
    Part p0 =
        part(
            1,
            List.of(
                new StoredEntry(10, bytes("a"), List.of()), new StoredEntry(30, bytes("c"), md)));
    Part p1 =
        part(
            1,
            List.of(
                new StoredEntry(20, bytes("b"), List.of()),
                new StoredEntry(30, bytes("c"), md), // exact duplicate of p0's
                new StoredEntry(30, bytes("c"), List.of()), // other metadata: kept
                new StoredEntry(40, bytes("d"), List.of())));

    List<String> read = new ArrayList<>();
    StreamMerge<Exception> merge = merge(List.of(p0, p1), read);
    List<String> out = drain(merge);

    assertThat(out).containsExactly("10 a []", "20 b []", "30 c " + md, "30 c []", "40 d []");
    assertThat(merge.duplicates()).isEqualTo(1);
  }

  @Test
  void interleavedPartsComeOutInTimeOrder() throws Exception {
    List<StoredEntry> odd = new ArrayList<>();
    List<StoredEntry> even = new ArrayList<>();
    for (int i = 1; i <= 9; i++) {
      (i % 2 == 1 ? odd : even).add(new StoredEntry(i, bytes("l" + i), List.of()));
    }
    Part p0 = part(1 << 20, odd);
    Part p1 = part(1 << 20, even);
    assertThat(p0.blocks()).hasSize(1);
    assertThat(drain(merge(List.of(p0, p1), new ArrayList<>())))
        .containsExactly(
            "1 l1 []", "2 l2 []", "3 l3 []", "4 l4 []", "5 l5 []", "6 l6 []", "7 l7 []", "8 l8 []",
            "9 l9 []");
  }

  @Test
  void equalTimestampsComeInPartOrderAsAStableSortWouldGiveThem() throws Exception {
    Part p0 = part(1, List.of(new StoredEntry(5, bytes("x0"), List.of())));
    Part p1 = part(1, List.of(new StoredEntry(5, bytes("x1"), List.of())));
    Part p2 = part(1, List.of(new StoredEntry(5, bytes("x2"), List.of())));
    assertThat(drain(merge(List.of(p2, p0, p1), new ArrayList<>())))
        .containsExactly("5 x2 []", "5 x0 []", "5 x1 []");
  }

  @Test
  void readsABlockOnlyWhenItsTimeComes() throws Exception {
    // Two parts with many small blocks each, not overlapping in time.
    List<StoredEntry> early = new ArrayList<>();
    List<StoredEntry> late = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      early.add(new StoredEntry(i, bytes("early " + i), List.of()));
      late.add(new StoredEntry(1000 + i, bytes("late " + i), List.of()));
    }
    Part p0 = part(64, late);
    Part p1 = part(64, early);
    assertThat(p0.blocks()).hasSizeGreaterThan(3);
    List<String> reads = new ArrayList<>();
    StreamMerge<Exception> merge = merge(List.of(p0, p1), reads);

    for (int i = 0; i < 50; i++) {
      merge.next();
    }
    assertThat(reads)
        .as("blocks read after all the early entries")
        .allMatch(r -> r.startsWith("1/"));
    assertThat(reads).hasSize(p1.blocks().size());
    merge.next();
    assertThat(reads).hasSize(p1.blocks().size() + 1);
  }

  @Test
  void aReaderExceptionReachesTheCaller() {
    Part p0 = part(1, List.of(new StoredEntry(1, bytes("x"), List.of())));
    StreamMerge<CorruptSegmentException> merge =
        new StreamMerge<>(
            List.of(p0.blocks()),
            (part, block) -> {
              throw new CorruptSegmentException("bad block");
            });
    assertThatThrownBy(merge::next).isInstanceOf(CorruptSegmentException.class);
  }

  @Test
  void nothingToMergeIsEmpty() throws Exception {
    StreamMerge<RuntimeException> merge = new StreamMerge<>(List.of(), (p, b) -> List.of());
    assertThat(merge.next()).isNull();
  }

  private static StreamMerge<Exception> merge(List<Part> parts, List<String> reads) {
    List<List<BlockRef>> blocks = parts.stream().map(Part::blocks).toList();
    return new StreamMerge<>(
        blocks,
        (p, b) -> {
          reads.add(p + "/" + b.offset());
          BlockCursor c = SegmentReader.openBlock(RangeSource.of(parts.get(p).segment()), b);
          List<StoredEntry> run = new ArrayList<>();
          while (c.next()) {
            run.add(StoredEntry.copyOf(c));
          }
          return run;
        });
  }

  private static List<String> drain(StreamMerge<Exception> merge) throws Exception {
    List<String> out = new ArrayList<>();
    for (StoredEntry e = merge.next(); e != null; e = merge.next()) {
      out.add(e.timestampNanos() + " " + new String(e.line(), UTF_8) + " " + e.metadata());
    }
    return out;
  }

  private static Part part(int blockTargetBytes, List<StoredEntry> entries) {
    SegmentWriter w = new SegmentWriter(blockTargetBytes, 1);
    for (StoredEntry e : entries) {
      w.append(S, e.timestampNanos(), e.line(), e.metadata());
    }
    byte[] segment = w.finish();
    try {
      return new Part(segment, SegmentReader.readFooter(segment).streams().get(0).blocks());
    } catch (CorruptSegmentException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(UTF_8);
  }
}
