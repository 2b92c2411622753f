package io.skald.segment;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.skald.segment.CountingRangeSource.Read;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RangedReadsTest {

  @Test
  void smallFooterTakesOneTailRead() throws Exception {
    byte[] segment = segmentWithStreams(50, 0);
    CountingRangeSource src = new CountingRangeSource(segment);

    SegmentFooter footer = SegmentReader.readFooter(src);

    assertThat(footer).isEqualTo(SegmentReader.readFooter(segment));
    assertThat(src.reads()).containsExactly(new Read(0, segment.length));
  }

  @Test
  void footerLargerThanTheTailReadTakesExactlyTwoReads() throws Exception {
    byte[] segment = segmentWithStreams(6000, 200);
    CountingRangeSource src = new CountingRangeSource(segment);

    SegmentFooter footer = SegmentReader.readFooter(src);

    assertThat(footer.streams()).hasSize(6000);
    assertThat(footer).isEqualTo(SegmentReader.readFooter(segment));
    assertThat(src.reads()).hasSize(2);
    assertThat(src.reads().get(0)).isEqualTo(new Read(segment.length - 65536L, 65536));
    // The second read fetches only the part of the footer the tail did not cover.
    assertThat(src.reads().get(1).offset() + src.reads().get(1).length())
        .isEqualTo(segment.length - 65536L);
  }

  @Test
  void queryReadsOnlyOverlappingBlocksOfTheMatchingStream() throws Exception {
    SegmentWriter w = new SegmentWriter(1024, 3);
    for (int i = 0; i < 400; i++) {
      w.append("{app=\"api\"}", i * 1000L, ("request " + i).getBytes(UTF_8), List.of());
      w.append("{app=\"db\"}", i * 1000L, ("query " + i).getBytes(UTF_8), List.of());
    }
    byte[] segment = w.finish();
    CountingRangeSource src = new CountingRangeSource(segment);
    StreamInfo api = SegmentReader.readFooter(src).stream("{app=\"api\"}").orElseThrow();
    List<BlockRef> wanted = api.blocksOverlapping(100_000, 120_000);
    src.reads().clear();

    int lines = 0;
    for (BlockRef block : wanted) {
      BlockCursor c = SegmentReader.openBlock(src, block);
      c.seek(100_000);
      while (c.next() && c.timestampNanos() < 120_000) {
        assertThat(c.lineString()).startsWith("request ");
        lines++;
      }
    }

    assertThat(lines).isEqualTo(20);
    assertThat(api.blocks().size()).isGreaterThan(wanted.size());
    assertThat(src.reads())
        .extracting(Read::offset)
        .containsExactlyElementsOf(wanted.stream().map(BlockRef::offset).toList());
    assertThat(src.bytesRead()).isLessThan(segment.length / 4);
  }

  /** Labels with random hex so the footer does not compress below the tail read size. */
  private static byte[] segmentWithStreams(int streams, int labelNoise) {
    Random random = new Random(7);
    SegmentWriter w = new SegmentWriter();
    for (int i = 0; i < streams; i++) {
      StringBuilder noise = new StringBuilder();
      for (int j = 0; j < labelNoise / 8; j++) {
        noise.append(Integer.toHexString(random.nextInt()));
      }
      w.append("{i=\"" + i + "\", n=\"" + noise + "\"}", i, "x".getBytes(UTF_8), List.of());
    }
    return w.finish();
  }
}
