package io.skald.gocompat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Utf8Test {

  @Test
  void lengthInBytes() {
    assertThat(Utf8.length("abc")).isEqualTo(3);
    assertThat(Utf8.length("é")).isEqualTo(2);
    assertThat(Utf8.length("€")).isEqualTo(3);
    assertThat(Utf8.length("😀")).isEqualTo(4);
    assertThat(Utf8.length("\uD800")).isEqualTo(3);
  }

  @Test
  void truncatesOnCharacterBoundaries() {
    assertThat(Utf8.truncateToBytes("aéb", 2)).isEqualTo("a");
    assertThat(Utf8.truncateToBytes("aéb", 3)).isEqualTo("aé");
    assertThat(Utf8.truncateToBytes("😀x", 3)).isEmpty();
    assertThat(Utf8.truncateToBytes("abc", 10)).isEqualTo("abc");
  }

  @Test
  void comparesInCodePointOrder() {
    assertThat(Utf8.compare("a", "b")).isNegative();
    assertThat(Utf8.compare("ab", "a")).isPositive();
    assertThat(Utf8.compare("\uFFFF", "😀")).isNegative(); // UTF-16 order would say otherwise
    assertThat(Utf8.compare("x", "x")).isZero();
  }

  @Test
  void compareIsTheUnsignedByteOrderOfUtf8() {
    java.util.Random random = new java.util.Random(1);
    String[] alphabet = {
      "a",
      "Z",
      "~",
      "\u00e9",
      "\u07ff",
      "\u0800",
      "\ud7ff",
      "\ue000",
      "\uffff",
      "\ud83d\ude80",
      "\ud800\udc00"
    };
    for (int i = 0; i < 2000; i++) {
      String a = randomString(random, alphabet);
      String b = randomString(random, alphabet);
      int expected =
          Integer.signum(java.util.Arrays.compareUnsigned(Utf8.encode(a), Utf8.encode(b)));
      assertThat(Integer.signum(Utf8.compare(a, b))).as("%s vs %s", a, b).isEqualTo(expected);
    }
  }

  private static String randomString(java.util.Random random, String[] alphabet) {
    StringBuilder sb = new StringBuilder();
    for (int n = random.nextInt(4); n > 0; n--) {
      sb.append(alphabet[random.nextInt(alphabet.length)]);
    }
    return sb.toString();
  }

  @Test
  void sequenceLengthIsGosDecodeRuneWidth() {
    byte[] b = {
      'a',
      (byte) 0xc3,
      (byte) 0xa9,
      (byte) 0xe2,
      (byte) 0x82,
      (byte) 0xac,
      (byte) 0xf0,
      (byte) 0x9f,
      (byte) 0x98,
      (byte) 0x80,
      (byte) 0xc0,
      (byte) 0x80,
      (byte) 0xed,
      (byte) 0xa0,
      (byte) 0x80,
      (byte) 0xf4,
      (byte) 0x90,
      (byte) 0x80,
      (byte) 0x80
    };
    assertThat(Utf8.sequenceLength(b, 0, b.length)).isEqualTo(1);
    assertThat(Utf8.sequenceLength(b, 1, b.length)).isEqualTo(2);
    assertThat(Utf8.sequenceLength(b, 3, b.length)).isEqualTo(3);
    assertThat(Utf8.sequenceLength(b, 6, b.length)).isEqualTo(4);
    assertThat(Utf8.sequenceLength(b, 6, 9)).as("truncated").isEqualTo(1);
    assertThat(Utf8.sequenceLength(b, 10, b.length)).as("overlong").isEqualTo(1);
    assertThat(Utf8.sequenceLength(b, 12, b.length)).as("surrogate").isEqualTo(1);
    assertThat(Utf8.sequenceLength(b, 15, b.length)).as("above U+10FFFF").isEqualTo(1);
    assertThat(Utf8.isValid(b, 0, 10)).isTrue();
    assertThat(Utf8.isValid(b, 0, 11)).isFalse();
  }

  @Test
  void decodesOneReplacementPerInvalidByte() {
    byte[] b = {'a', (byte) 0xe2, (byte) 0x82, 'b', (byte) 0xff};
    assertThat(Utf8.decode(b)).isEqualTo("a\uFFFD\uFFFDb\uFFFD");
    assertThat(Utf8.decode("é😀".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isEqualTo("é😀");
    assertThat(Utf8.decodeReplacingRuneErrors(b, 0, b.length, ' ')).isEqualTo("a  b ");
    byte[] fffd = "x\uFFFDy".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(Utf8.hasRuneError(fffd, 0, fffd.length)).isTrue();
    assertThat(Utf8.decodeReplacingRuneErrors(fffd, 0, fffd.length, ' ')).isEqualTo("x y");
    assertThat(Utf8.decode(fffd)).isEqualTo("x\uFFFDy");
  }

  @Test
  void loneSurrogatesAreRuneErrorsForGoAndQuestionMarksForTheJdk() {
    assertThat(Utf8.toValid("a\uD800b\uD83D\uDE00")).isEqualTo("a\uFFFDb\uD83D\uDE00");
    assertThat(Utf8.encode("\uDC00")).containsExactly(0xef, 0xbf, 0xbd);
    assertThat(Utf8.jdkRoundTrip("a\uD800")).isEqualTo("a?");
    assertThat(Utf8.jdkRoundTrip("é😀")).isEqualTo("é😀");
    for (String s : new String[] {"abc", "é€😀", "\uD800x", "x\uDC00", "\uDBFF\uDFFF"}) {
      assertThat(Utf8.jdkEncodedLength(s))
          .as(s)
          .isEqualTo(s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
      assertThat(Utf8.length(s)).as(s).isEqualTo(Utf8.encode(s).length);
    }
  }
}
