package io.skald.gocompat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GoUnquoteTest {

  @Test
  void decodesEveryGoEscape() {
    assertThat(GoUnquote.unquote("\"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\""))
        .isEqualTo("\u0007\b\f\n\r\t\u000b\\\"");
    assertThat(GoUnquote.unquote("\"\\x41\\101\\u00e9\\U0001F600\"")).isEqualTo("AAé😀");
    assertThat(GoUnquote.unquote("\"\\u2028\\U0010FFFF\\000\"")).isEqualTo("\u2028\uDBFF\uDFFF\0");
    assertThat(GoUnquote.unquote("\"plain 'q' é😀\"")).isEqualTo("plain 'q' é😀");
    assertThat(GoUnquote.unquote("\"\"")).isEmpty();
  }

  @Test
  void byteEscapesAreBytesAndInvalidOnesBecomeOneReplacementEach() {
    assertThat(GoUnquote.unquote("\"\\xc3\\xa9\"")).isEqualTo("é");
    assertThat(GoUnquote.unquote("\"\\303\\251\"")).isEqualTo("é");
    assertThat(GoUnquote.unquote("\"\\xff\"")).isEqualTo("\uFFFD");
    // Go ranges over a truncated sequence byte by byte; the JDK decoder would give one U+FFFD.
    assertThat(GoUnquote.unquote("\"\\xe2\\x82z\"")).isEqualTo("\uFFFD\uFFFDz");
  }

  @Test
  void rawStringsDropCarriageReturns() {
    assertThat(GoUnquote.unquote("`a\\n\"b\r\nc`")).isEqualTo("a\\n\"b\nc");
    assertThat(GoUnquote.unquotePromQl("`a\r\nb`")).isEqualTo("a\r\nb");
  }

  @Test
  void singleQuotesHoldOneRuneInGoAndAStringInPromQl() {
    assertThat(GoUnquote.unquote("'x'")).isEqualTo("x");
    assertThat(GoUnquote.unquote("'\\''")).isEqualTo("'");
    assertThat(GoUnquote.unquote("'😀'")).isEqualTo("😀");
    assertThat(GoUnquote.unquote("'\"'")).isEqualTo("\"");
    assertThatThrownBy(() -> GoUnquote.unquote("'ab'")).hasMessage("invalid syntax");
    assertThat(GoUnquote.unquotePromQl("'ab\\'c\"'")).isEqualTo("ab'c\"");
    assertThat(GoUnquote.unquotePromQl("\"a'b\"")).isEqualTo("a'b");
  }

  @Test
  void refusesWhatGoRefuses() {
    for (String bad :
        new String[] {
          "",
          "\"",
          "x",
          "\"abc",
          "abc\"",
          "\"a\"b\"",
          "\"a\nb\"",
          "\"\\\"",
          "\"\\q\"",
          "\"\\'\"",
          "'\\\"'",
          "\"\\x4\"",
          "\"\\xg0\"",
          "\"\\400\"",
          "\"\\18\"",
          "\"\\ud800\"",
          "\"\\U00110000\"",
          "\"\\uD7FF\\uDC00\"",
          "`a`b`",
          "'a",
          "\"\\u00e\"",
          "\"\\x\uff10\uff10\""
        }) {
      assertThatThrownBy(() -> GoUnquote.unquote(bad)).as(bad).hasMessage("invalid syntax");
    }
    assertThatThrownBy(() -> GoUnquote.unquotePromQl("\"a'")).hasMessage("invalid syntax");
    assertThatThrownBy(() -> GoUnquote.unquotePromQl("'a\nb'")).hasMessage("invalid syntax");
  }

  @Test
  void unquoteCharGivesRunesAndByteValues() {
    assertThat(GoUnquote.unquoteChar("'\\xff'", 1, '\''))
        .isEqualTo(new GoUnquote.Char(0xff, false, 5));
    assertThat(GoUnquote.unquoteChar("'\\u00ff'", 1, '\''))
        .isEqualTo(new GoUnquote.Char(0xff, true, 7));
    assertThat(GoUnquote.unquoteChar("'\uD83D\uDE00'", 1, '\''))
        .isEqualTo(new GoUnquote.Char(0x1F600, true, 3));
    assertThat(GoUnquote.unquoteChar("\"\\101\"", 1, '"'))
        .isEqualTo(new GoUnquote.Char('A', false, 5));
    assertThatThrownBy(() -> GoUnquote.unquoteChar("'", 0, '\'')).hasMessage("invalid syntax");
  }

  @Test
  void readsWhatQuoteWrites() {
    for (String s :
        new String[] {
          "",
          "a\"b\\c",
          "\u0000\u0007\u001f\u007f",
          "é😀\u2028\uFFFD",
          "\u00a0\u200b\uE000\uDB40\uDC01",
          "tab\there"
        }) {
      assertThat(GoUnquote.unquote(GoQuote.quote(s))).as(s).isEqualTo(s);
      assertThat(GoUnquote.unquotePromQl(GoQuote.quote(s))).as(s).isEqualTo(s);
    }
  }
}
