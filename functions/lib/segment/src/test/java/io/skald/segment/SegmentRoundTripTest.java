package io.skald.segment;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skald.gocompat.Utf8;
import io.skald.labels.Label;
import io.skald.segment.SegmentDump.Row;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SegmentRoundTripTest {
  private static final List<Label> NONE = List.of();

  @Test
  void sortsEachStreamByTimeThenArrival() throws Exception {
    SegmentWriter w = new SegmentWriter();
    w.append("{a=\"1\"}", 30, bytes("c"), NONE);
    w.append("{a=\"1\"}", 10, bytes("a"), NONE);
    w.append("{a=\"1\"}", 20, bytes("b2"), NONE);
    w.append("{a=\"1\"}", 20, bytes("b1"), NONE);

    assertThat(SegmentDump.rows(w.finish()))
        .containsExactly(
            row("{a=\"1\"}", 10, "a"), row("{a=\"1\"}", 20, "b2"),
            row("{a=\"1\"}", 20, "b1"), row("{a=\"1\"}", 30, "c"));
  }

  @Test
  void dropsExactDuplicatesOnly() throws Exception {
    List<Label> md = List.of(new Label("trace", "t1"));
    SegmentWriter w = new SegmentWriter();
    w.append("{s=\"x\"}", 5, bytes("same"), md);
    w.append("{s=\"x\"}", 5, bytes("other"), md);
    w.append("{s=\"x\"}", 5, bytes("same"), md);
    w.append("{s=\"x\"}", 5, bytes("same"), List.of(new Label("trace", "t2")));
    w.append("{s=\"x\"}", 6, bytes("same"), md);
    w.append("{s=\"y\"}", 5, bytes("same"), md);

    assertThat(w.entryCount()).isEqualTo(6);
    assertThat(SegmentDump.rows(w.finish()))
        .containsExactly(
            new Row("{s=\"x\"}", 5, "same", md),
            new Row("{s=\"x\"}", 5, "other", md),
            new Row("{s=\"x\"}", 5, "same", List.of(new Label("trace", "t2"))),
            new Row("{s=\"x\"}", 6, "same", md),
            new Row("{s=\"y\"}", 5, "same", md));
  }

  @Test
  void keepsEmptyLinesUnicodeAndEmptyMetadata() throws Exception {
    List<Label> md = List.of(new Label("ключ", "值 🚀"), new Label("", ""));
    SegmentWriter w = new SegmentWriter();
    w.append("{app=\"ü\"}", -7, bytes(""), NONE);
    w.append("{app=\"ü\"}", 0, bytes("日本語 ✓"), md);
    w.append("{app=\"ü\"}", Long.MAX_VALUE, bytes("last"), NONE);
    w.append("{app=\"ü\"}", Long.MIN_VALUE, bytes("first"), NONE);

    assertThat(SegmentDump.rows(w.finish()))
        .containsExactly(
            row("{app=\"ü\"}", Long.MIN_VALUE, "first"),
            row("{app=\"ü\"}", -7, ""),
            new Row("{app=\"ü\"}", 0, "日本語 ✓", md),
            row("{app=\"ü\"}", Long.MAX_VALUE, "last"));
  }

  @Test
  void roundTripsManyStreamsWithRandomOrderAndMultipleBlocks() throws Exception {
    Random random = new Random(42);
    List<Row> expected = new ArrayList<>();
    SegmentWriter w = new SegmentWriter(2048, 1);
    for (int i = 0; i < 3000; i++) {
      String labels = "{pod=\"p" + random.nextInt(40) + "\"}";
      long ts = 1_000_000L * random.nextInt(500);
      String line = "line " + i + " " + "x".repeat(random.nextInt(80));
      List<Label> md = i % 3 == 0 ? List.of(new Label("i", Integer.toString(i % 7))) : NONE;
      w.append(labels, ts, bytes(line), md);
      expected.add(new Row(labels, ts, line, md));
    }
    byte[] segment = w.finish();

    expected.sort(
        Comparator.comparing(Row::labels, Utf8::compare)
            .thenComparingLong(Row::ts)); // stable: keeps arrival order among equal timestamps
    assertThat(SegmentDump.rows(segment)).containsExactlyElementsOf(expected);
    SegmentFooter footer = SegmentReader.readFooter(segment);
    assertThat(footer.streams()).hasSize(40);
    assertThat(footer.entries()).isEqualTo(3000);
    assertThat(footer.streams()).allSatisfy(s -> assertThat(s.blocks().size()).isGreaterThan(1));
  }

  @Test
  void cutsBlocksAtTheTargetWithTimeRangesPerBlock() throws Exception {
    SegmentWriter w = new SegmentWriter(100, 3);
    for (int i = 0; i < 10; i++) {
      w.append("{s=\"big\"}", i, new byte[40], NONE);
    }
    StreamInfo stream = SegmentReader.readFooter(w.finish()).streams().get(0);

    // Each entry encodes to 43 bytes (3 varints + line) plus 2 header bytes: the third crosses 100.
    assertThat(stream.blocks())
        .extracting(
            BlockRef::minTimeNanos, BlockRef::maxTimeNanos, BlockRef::entries, BlockRef::rawBytes)
        .containsExactly(
            tuple(0L, 2L, 3, 120),
            tuple(3L, 5L, 3, 120),
            tuple(6L, 8L, 3, 120),
            tuple(9L, 9L, 1, 40));
    assertThat(stream.blocksOverlapping(4, 7)).hasSize(2);
    assertThat(stream)
        .extracting(
            StreamInfo::minTimeNanos,
            StreamInfo::maxTimeNanos,
            StreamInfo::entries,
            StreamInfo::rawBytes)
        .containsExactly(0L, 9L, 10L, 400L);
  }

  @Test
  void footerIsSortedByCodePointAndSearchable() throws Exception {
    SegmentWriter w = new SegmentWriter();
    for (String labels :
        List.of("{b=\"1\"}", "{a=\"\uD83D\uDE80\"}", "{a=\"\uFF5E\"}", "{a=\"1\"}")) {
      w.append(labels, 1, bytes("x"), NONE);
    }
    SegmentFooter footer = SegmentReader.readFooter(w.finish());

    assertThat(footer.streams())
        .extracting(StreamInfo::labels)
        .containsExactly("{a=\"1\"}", "{a=\"\uFF5E\"}", "{a=\"\uD83D\uDE80\"}", "{b=\"1\"}");
    assertThat(footer.stream("{a=\"\uFF5E\"}")).isPresent();
    assertThat(footer.stream("{c=\"1\"}")).isEmpty();
  }

  @Test
  void storesLoneSurrogatesAsTheirUtf8Replacement() throws Exception {
    SegmentWriter w = new SegmentWriter();
    w.append("{a=\"\ud800\"}", 1, bytes("x"), List.of(new Label("k", "\udc00")));
    w.append("{a=\"\udc00\"}", 1, bytes("x"), List.of(new Label("k", "\ud800")));
    w.append("{a=\"\uffff\"}", 1, bytes("y"), NONE);

    assertThat(SegmentDump.rows(w.finish()))
        .containsExactly(
            new Row("{a=\"?\"}", 1, "x", List.of(new Label("k", "?"))),
            row("{a=\"\uffff\"}", 1, "y"));
  }

  @Test
  void countsRawBytesOfLinesAndMetadata() throws Exception {
    SegmentWriter w = new SegmentWriter();
    w.append("{s=\"1\"}", 1, bytes("abc"), List.of(new Label("k", "é")));
    w.append("{s=\"1\"}", 1, bytes("abc"), List.of(new Label("k", "é")));

    assertThat(w.rawBytes()).isEqualTo(12);
    StreamInfo stream = SegmentReader.readFooter(w.finish()).streams().get(0);
    assertThat(stream.rawBytes()).isEqualTo(6);
    assertThat(stream.entries()).isEqualTo(1);
  }

  @Test
  void copiesCallerBuffers() throws Exception {
    byte[] line = bytes("before");
    SegmentWriter w = new SegmentWriter();
    w.append("{s=\"1\"}", 1, line, NONE);
    line[0] = 'X';

    assertThat(SegmentDump.rows(w.finish())).containsExactly(row("{s=\"1\"}", 1, "before"));
  }

  @Test
  void emptyWriterYieldsSegmentWithoutStreams() throws Exception {
    SegmentWriter w = new SegmentWriter();
    assertThat(w.isEmpty()).isTrue();

    SegmentFooter footer = SegmentReader.readFooter(w.finish());

    assertThat(footer).isEqualTo(new SegmentFooter(SegmentFormat.VERSION_1, List.of()));
  }

  @Test
  void writerIsSingleUse() {
    SegmentWriter w = new SegmentWriter();
    w.finish();

    assertThatThrownBy(w::finish).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> w.append("{}", 1, new byte[0], NONE))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void rejectsBadSettingsAndOversizedEntries() {
    assertThatThrownBy(() -> new SegmentWriter(0, 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SegmentWriter(1024, 99))
        .isInstanceOf(IllegalArgumentException.class);
    SegmentWriter w = new SegmentWriter();
    assertThatThrownBy(() -> w.append("{}", 1, new byte[SegmentFormat.MAX_ENTRY_BYTES + 1], NONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(w.isEmpty()).isTrue();
  }

  @Test
  void isDeterministic() {
    assertThat(GoldenV1Inputs.write("multiblock.seg"))
        .isEqualTo(GoldenV1Inputs.write("multiblock.seg"));
  }

  private static org.assertj.core.groups.Tuple tuple(Object... values) {
    return org.assertj.core.groups.Tuple.tuple(values);
  }

  private static Row row(String labels, long ts, String line) {
    return new Row(labels, ts, line, NONE);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(UTF_8);
  }
}
