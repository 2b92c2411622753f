package io.skald.gocompat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoQuoteTest {

  @Test
  void quotesLikeStrconvQuote() {
    assertThat(GoQuote.quote("plain")).isEqualTo("\"plain\"");
    assertThat(GoQuote.quote("q\"b\\")).isEqualTo("\"q\\\"b\\\\\"");
    assertThat(GoQuote.quote("\u0007\b\f\n\r\t\u000b")).isEqualTo("\"\\a\\b\\f\\n\\r\\t\\v\"");
    assertThat(GoQuote.quote("\u0000\u001f\u007f")).isEqualTo("\"\\x00\\x1f\\x7f\"");
    assertThat(GoQuote.quote("é😀")).isEqualTo("\"é😀\"");
    assertThat(GoQuote.quote("\u00a0\u200b")).isEqualTo("\"\\u00a0\\u200b\"");
    assertThat(GoQuote.quote("\uD800")).isEqualTo("\"�\"");
    assertThat(GoQuote.quote("'")).isEqualTo("\"'\"");
  }

  @Test
  void escapesNonPrintableRunesByPlane() {
    assertThat(GoQuote.quote("\u2028\u2029\u00ad\ue000"))
        .isEqualTo("\"\\u2028\\u2029\\u00ad\\ue000\"");
    assertThat(GoQuote.quote("\uDB40\uDC01")).isEqualTo("\"\\U000e0001\"");
    assertThat(GoQuote.quote("\uFFFD\uD83D\uDE00")).isEqualTo("\"\uFFFD\uD83D\uDE00\"");
  }

  @Test
  void quotesInvalidUtf8BytesAsHexLikeGo() {
    byte[] b = {'a', (byte) 0xff, (byte) 0xc3, (byte) 0xa9, (byte) 0xe2, (byte) 0x82, '\n'};
    assertThat(GoQuote.quote(b, 0, b.length)).isEqualTo("\"a\\xffé\\xe2\\x82\\n\"");
  }

  @Test
  void timePackageQuotesBytes() {
    assertThat(GoQuote.timeQuote("1d")).isEqualTo("\"1d\"");
    assertThat(GoQuote.timeQuote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    assertThat(GoQuote.timeQuote("é\n")).isEqualTo("\"\\xc3\\xa9\\x0a\"");
  }

  @Test
  void formatsHashU() {
    assertThat(GoQuote.hashU('x')).isEqualTo("U+0078 'x'");
    assertThat(GoQuote.hashU(7)).isEqualTo("U+0007");
    assertThat(GoQuote.hashU(0x1F600)).isEqualTo("U+1F600 '\uD83D\uDE00'");
  }

  @Test
  void quotesRunes() {
    assertThat(GoQuote.quoteRune('#')).isEqualTo("'#'");
    assertThat(GoQuote.quoteRune('\'')).isEqualTo("'\\''");
    assertThat(GoQuote.quoteRune('\n')).isEqualTo("'\\n'");
    assertThat(GoQuote.quoteRune('"')).isEqualTo("'\"'");
    assertThat(GoQuote.quoteRune(0x1F600)).isEqualTo("'\uD83D\uDE00'");
    assertThat(GoQuote.quoteRune(0xD800)).isEqualTo("'\\ufffd'");
    assertThat(GoQuote.quoteRune(0x110000)).isEqualTo("'\\ufffd'");
  }
}
