package io.skald.routes.pushingest.util;

/**
 * Go's {@code strconv.Quote} / {@code QuoteRune} (the {@code %q} verb) for Java strings, so that
 * label sets and error texts print exactly as Loki prints them.
 */
public final class GoQuote {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GoQuote() {}

  /** {@code strconv.Quote(s)}: a double-quoted Go string literal. */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2);
    appendQuoted(b, s, '"');
    return b.toString();
  }

  /** Appends {@code strconv.Quote(s)} to {@code b}. */
  public static void appendQuoted(StringBuilder b, String s, char quote) {
    b.append(quote);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      appendEscaped(b, cp, quote);
    }
    b.append(quote);
  }

  /** {@code strconv.QuoteRune(r)}: a single-quoted Go rune literal, e.g. {@code '#'}. */
  public static String quoteRune(int codePoint) {
    StringBuilder b = new StringBuilder(8);
    b.append('\'');
    appendEscaped(b, codePoint, '\'');
    b.append('\'');
    return b.toString();
  }

  private static void appendEscaped(StringBuilder b, int r, char quote) {
    if (r == quote || r == '\\') {
      b.append('\\').append((char) r);
      return;
    }
    if (Character.isSurrogate((char) r) && r <= 0xFFFF) {
      r = 0xFFFD; // a lone surrogate is not a valid rune; Go prints the replacement character
    }
    if (isPrint(r)) {
      b.appendCodePoint(r);
      return;
    }
    switch (r) {
      case 0x07 -> b.append("\\a");
      case '\b' -> b.append("\\b");
      case '\f' -> b.append("\\f");
      case '\n' -> b.append("\\n");
      case '\r' -> b.append("\\r");
      case '\t' -> b.append("\\t");
      case 0x0B -> b.append("\\v");
      default -> {
        if (r < ' ' || r == 0x7F) {
          b.append("\\x").append(HEX[(r >> 4) & 0xF]).append(HEX[r & 0xF]);
        } else if (r < 0x10000) {
          b.append("\\u");
          appendHex(b, r, 4);
        } else {
          b.append("\\U");
          appendHex(b, r, 8);
        }
      }
    }
  }

  private static void appendHex(StringBuilder b, int v, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      b.append(HEX[(v >> shift) & 0xF]);
    }
  }

  /** Go's {@code strconv.IsPrint}: letters, marks, numbers, punctuation, symbols and ASCII space. */
  public static boolean isPrint(int r) {
    if (r < 0x80) {
      return r >= 0x20 && r < 0x7F;
    }
    return switch (Character.getType(r)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER,
          Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
          Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL -> true;
      default -> false;
    };
  }
}
