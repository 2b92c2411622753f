package io.skald.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncodingPrimitivesTest {

  @Test
  void varintsRoundTripAtTheExtremes() throws Exception {
    long[] values = {
      0,
      1,
      -1,
      63,
      64,
      -64,
      -65,
      127,
      128,
      300,
      Integer.MAX_VALUE,
      Long.MAX_VALUE,
      Long.MIN_VALUE,
      1_700_000_000_000_000_000L
    };
    ByteSink out = new ByteSink(8);
    for (long v : values) {
      out.writeUvarint(v);
      out.writeZigzag(v);
    }
    ByteReader in = new ByteReader(out.array(), 0, out.size(), "test");
    for (long v : values) {
      assertThat(in.readUvarint()).isEqualTo(v);
      assertThat(in.readZigzag()).isEqualTo(v);
    }
    in.expectEnd();
    assertThat(ByteSink.uvarintLength(-1)).isEqualTo(10);
    assertThat(ByteSink.uvarintLength(127)).isEqualTo(1);
  }

  @Test
  void rejectsOverlongAndTruncatedVarints() {
    byte[] elevenBytes = new byte[11];
    Arrays.fill(elevenBytes, (byte) 0x80);
    byte[] tooWide = {
      (byte) 0xFF,
      (byte) 0xFF,
      (byte) 0xFF,
      (byte) 0xFF,
      (byte) 0xFF,
      (byte) 0xFF,
      (byte) 0xFF,
      (byte) 0xFF,
      (byte) 0xFF,
      0x02
    };
    for (byte[] bad : List.of(elevenBytes, tooWide, new byte[] {(byte) 0x80})) {
      ByteReader in = new ByteReader(bad, 0, bad.length, "test");
      assertThatThrownBy(in::readUvarint).isInstanceOf(CorruptSegmentException.class);
    }
  }
}
