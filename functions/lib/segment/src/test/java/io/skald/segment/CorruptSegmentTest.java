package io.skald.segment;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skald.labels.Label;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorruptSegmentTest {
  private static final byte[] SEGMENT = smallSegment();

  @Test
  void theUntouchedSegmentReads() throws Exception {
    assertThat(readEverything(SEGMENT)).isEqualTo(5);
    assertThat(readEverythingRanged(SEGMENT)).isEqualTo(5);
  }

  @Test
  void everySingleByteFlipIsDetected() {
    for (int i = 0; i < SEGMENT.length; i++) {
      for (int mask : new int[] {0x01, 0x80, 0xFF}) {
        byte[] damaged = SEGMENT.clone();
        damaged[i] ^= (byte) mask;
        int at = i;
        assertThatThrownBy(() -> readEverything(damaged))
            .as("flip %02x at %d", mask, at)
            .isInstanceOf(CorruptSegmentException.class);
        assertThatThrownBy(() -> readEverythingRanged(damaged))
            .as("ranged flip at %d", at)
            .isInstanceOf(CorruptSegmentException.class);
      }
    }
  }

  @Test
  void everyTruncationIsDetected() {
    for (int length = 0; length < SEGMENT.length; length++) {
      byte[] prefix = Arrays.copyOf(SEGMENT, length);
      byte[] suffix = Arrays.copyOfRange(SEGMENT, SEGMENT.length - length, SEGMENT.length);
      for (byte[] truncated : List.of(prefix, suffix)) {
        int len = length;
        assertThatThrownBy(() -> readEverything(truncated))
            .as("length %d", len)
            .isInstanceOf(CorruptSegmentException.class);
        assertThatThrownBy(() -> readEverythingRanged(truncated))
            .as("ranged length %d", len)
            .isInstanceOf(CorruptSegmentException.class);
      }
    }
  }

  @Test
  void rejectsForeignAndFutureObjects() {
    assertThatThrownBy(
            () -> SegmentReader.readFooter("just some text, not a segment".getBytes(UTF_8)))
        .isInstanceOf(CorruptSegmentException.class)
        .hasMessageContaining("magic");
    byte[] future = SEGMENT.clone();
    future[4] = 2;
    future[future.length - 5] = 2;
    assertThatThrownBy(() -> SegmentReader.readFooter(future))
        .isInstanceOfSatisfying(
            UnsupportedSegmentVersionException.class, e -> assertThat(e.version()).isEqualTo(2));
  }

  @Test
  void rejectsShortReadsAndMismatchedBlockRefs() throws Exception {
    BlockRef first = SegmentReader.readFooter(SEGMENT).streams().get(0).blocks().get(0);
    RangeSource shortReads =
        new RangeSource() {
          @Override
          public long size() {
            return SEGMENT.length;
          }

          @Override
          public byte[] read(long offset, int length) {
            return Arrays.copyOfRange(SEGMENT, (int) offset, (int) offset + length - 1);
          }
        };
    assertThatThrownBy(() -> SegmentReader.readFooter(shortReads))
        .isInstanceOf(CorruptSegmentException.class)
        .hasMessageContaining("short read");
    assertThatThrownBy(() -> SegmentReader.openBlock(shortReads, first))
        .isInstanceOf(CorruptSegmentException.class);

    byte[] stored =
        Arrays.copyOfRange(SEGMENT, (int) first.offset(), (int) first.offset() + first.length());
    BlockRef wrongCount =
        new BlockRef(
            first.offset(),
            first.length(),
            first.minTimeNanos(),
            first.maxTimeNanos(),
            first.entries() + 1,
            first.rawBytes(),
            first.crc32());
    assertThatThrownBy(() -> SegmentReader.openBlock(stored, wrongCount))
        .isInstanceOf(CorruptSegmentException.class)
        .hasMessageContaining("entries");
    assertThatThrownBy(() -> SegmentReader.openBlock(Arrays.copyOf(stored, 3), first))
        .isInstanceOf(CorruptSegmentException.class);
  }

  private static int readEverything(byte[] segment) throws Exception {
    int entries = 0;
    for (StreamInfo s : SegmentReader.readFooter(segment).streams()) {
      for (BlockRef b : s.blocks()) {
        byte[] stored =
            Arrays.copyOfRange(segment, (int) b.offset(), (int) b.offset() + b.length());
        entries += drain(SegmentReader.openBlock(stored, b));
      }
    }
    return entries;
  }

  private static int readEverythingRanged(byte[] segment) throws Exception {
    RangeSource src = RangeSource.of(segment);
    int entries = 0;
    for (StreamInfo s : SegmentReader.readFooter(src).streams()) {
      for (BlockRef b : s.blocks()) {
        entries += drain(SegmentReader.openBlock(src, b));
      }
    }
    return entries;
  }

  private static int drain(BlockCursor c) {
    int n = 0;
    while (c.next()) {
      c.lineString();
      c.structuredMetadata();
      n++;
    }
    return n;
  }

  private static byte[] smallSegment() {
    SegmentWriter w = new SegmentWriter(64, 3);
    w.append("{a=\"1\"}", 100, "hello".getBytes(UTF_8), List.of(new Label("k", "v")));
    w.append("{a=\"1\"}", 50, "".getBytes(UTF_8), List.of());
    w.append("{a=\"1\"}", 150, "x".repeat(70).getBytes(UTF_8), List.of(new Label("k", "w")));
    w.append("{b=\"2\"}", 7, "ünïcödé".getBytes(UTF_8), List.of());
    w.append("{b=\"2\"}", 7, "second".getBytes(UTF_8), List.of(new Label("k", "v")));
    return w.finish();
  }
}
