package io.skald.routes.pushingest.util;

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
  void quotesRunes() {
    assertThat(GoQuote.quoteRune('#')).isEqualTo("'#'");
    assertThat(GoQuote.quoteRune('\'')).isEqualTo("'\\''");
    assertThat(GoQuote.quoteRune('\n')).isEqualTo("'\\n'");
  }
}
