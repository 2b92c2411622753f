package io.skald.segment;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EncodingPrimitivesTest {

  @Test
  void varintsRoundTripAtTheExtremes() throws Exception {
    long[] values = {0, 1, -1, 63, 64, -64, -65, 127, 128, 300, Integer.MAX_VALUE,
        Long.MAX_VALUE, Long.MIN_VALUE, 1_700_000_000_000_000_000L};
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
    byte[] tooWide = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
        (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x02};
    for (byte[] bad : List.of(elevenBytes, tooWide, new byte[] {(byte) 0x80})) {
      ByteReader in = new ByteReader(bad, 0, bad.length, "test");
      assertThatThrownBy(in::readUvarint).isInstanceOf(CorruptSegmentException.class);
    }
  }

  @Test
  void streamOrderIsUtf8ByteOrder() {
    Random random = new Random(1);
    String alphabet = "aZ~\u00e9\u07ff\u0800\ud7ff\ue000\uffff\ud83d\ude80\ud800\udc00";
    for (int i = 0; i < 2000; i++) {
      String a = randomString(random, alphabet);
      String b = randomString(random, alphabet);
      int expected = Integer.signum(Arrays.compareUnsigned(a.getBytes(UTF_8), b.getBytes(UTF_8)));
      assertThat(Integer.signum(StreamOrder.compare(a, b))).as("%s vs %s", a, b)
          .isEqualTo(expected);
    }
  }

  @Test
  void utf8LengthMatchesTheJdkEncoder() {
    for (String s : List.of("", "abc", "é", "日本", "🚀", "a\ud800b", "\udc00", "x\ud83d")) {
      assertThat(Utf8.encodedLength(s)).as(s).isEqualTo(s.getBytes(UTF_8).length);
      assertThat(Utf8.storable(s)).as(s).isEqualTo(new String(s.getBytes(UTF_8), UTF_8));
    }
    String valid = "ok 🚀";
    assertThat(Utf8.storable(valid)).isSameAs(valid);
  }

  private static String randomString(Random random, String alphabet) {
    StringBuilder sb = new StringBuilder();
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      int k = random.nextInt(alphabet.length() - 1);
      if (Character.isLowSurrogate(alphabet.charAt(k))) {
        continue; // lone surrogates are not valid stream labels; see SegmentRoundTripTest
      }
      sb.append(alphabet.charAt(k));
      if (Character.isHighSurrogate(alphabet.charAt(k))) {
        sb.append(alphabet.charAt(k + 1));
      }
    }
    return sb.toString();
  }
}
