package io.skald.gocompat;

/**
 * Go's {@code strconv.Quote} family (the {@code %q} verb) and the {@code time} package's own
 * quoting, so that label sets and error texts print exactly as Loki prints them.
 */
public final class GoQuote {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GoQuote() {}

  /** {@code strconv.Quote(s)}: a double-quoted Go string literal. */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2);
    appendQuoted(b, s);
    return b.toString();
  }

  /** {@code strconv.AppendQuote}: appends {@link #quote(String)} to {@code b}. */
  public static StringBuilder appendQuoted(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      appendEscaped(b, Utf8.isSurrogate(cp) ? Utf8.RUNE_ERROR : cp, '"');
    }
    return b.append('"');
  }

  /**
   * {@code strconv.Quote} of a Go byte string: like {@link #quote(String)}, and each byte that is
   * not part of a valid UTF-8 sequence is printed as {@code \xNN}.
   */
  public static String quote(byte[] b, int off, int len) {
    StringBuilder sb = new StringBuilder(len + 2).append('"');
    int end = off + len;
    for (int i = off; i < end; ) {
      int n = Utf8.sequenceLength(b, i, end);
      if (n == 1 && b[i] < 0) {
        sb.append("\\x").append(HEX[(b[i] >> 4) & 0xF]).append(HEX[b[i] & 0xF]);
      } else {
        appendEscaped(sb, Utf8.decode(b, i, n).codePointAt(0), '"');
      }
      i += n;
    }
    return sb.append('"').toString();
  }

  /**
   * {@code strconv.QuoteRune(r)}: a single-quoted Go rune literal, e.g. {@code '#'}; a value that
   * is no rune (a surrogate, negative or above U+10FFFF) prints as {@code '\ufffd'}.
   */
  public static String quoteRune(int r) {
    if (r < 0 || r > Character.MAX_CODE_POINT || Utf8.isSurrogate(r)) {
      return "'\\ufffd'";
    }
    StringBuilder b = new StringBuilder(8).append('\'');
    appendEscaped(b, r, '\'');
    return b.append('\'').toString();
  }

  private static void appendEscaped(StringBuilder b, int r, char quote) {
    if (r == quote || r == '\\') {
      b.append('\\').append((char) r);
      return;
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
          appendHex(b.append("\\u"), r, 4);
        } else {
          appendHex(b.append("\\U"), r, 8);
        }
      }
    }
  }

  private static void appendHex(StringBuilder b, int v, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      b.append(HEX[(v >> shift) & 0xF]);
    }
  }

  /** {@code fmt}'s {@code %#U}: {@code U+0078 'x'} for a printable rune, else {@code U+0007}. */
  public static String hashU(int r) {
    String hex = String.format("U+%04X", r);
    return isPrint(r) ? hex + " '" + new String(Character.toChars(r)) + "'" : hex;
  }

  /**
   * Go's {@code strconv.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII
   * space. Unicode categories come from the JDK's tables, which may lag or lead Go's version.
   */
  public static boolean isPrint(int r) {
    if (r < 0x80) {
      return r >= 0x20 && r < 0x7F;
    }
    return switch (Character.getType(r)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL ->
          true;
      default -> false;
    };
  }

  /**
   * The {@code time} package's private {@code quote}, used in {@code time.ParseDuration} and {@code
   * time.Parse} errors: double quotes, {@code \"} and {@code \\} escaped, and every byte of a
   * non-ASCII or control character as {@code \xNN}.
   */
  public static String timeQuote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp >= 0x80 || cp < ' ') {
        String one = new String(Character.toChars(Utf8.isSurrogate(cp) ? Utf8.RUNE_ERROR : cp));
        for (byte x : Utf8.encode(one)) {
          b.append("\\x").append(HEX[(x >> 4) & 0xF]).append(HEX[x & 0xF]);
        }
      } else {
        if (cp == '"' || cp == '\\') {
          b.append('\\');
        }
        b.append((char) cp);
      }
    }
    return b.append('"').toString();
  }
}
