package io.skald.gocompat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Go string literal unquoting: {@code strconv.Unquote} and the PromQL variant of Prometheus' {@code
 * strutil.Unquote}. {@code \xHH} and octal escapes are single bytes, so {@code "\xc3\xa9"} is "é"
 * as in Go; bytes that do not form valid UTF-8 become U+FFFD, one per byte, the way Go ranges over
 * them (a Java string cannot hold them).
 */
public final class GoUnquote {
  /** The message of Go's {@code strconv.ErrSyntax}. */
  public static final String INVALID_SYNTAX = "invalid syntax";

  private GoUnquote() {}

  /**
   * {@code strconv.Unquote}: a double-quoted string with Go escapes, a back-quoted raw string
   * (carriage returns dropped) or a single-quoted rune.
   *
   * @throws IllegalArgumentException {@value #INVALID_SYNTAX} for anything else
   */
  public static String unquote(String s) {
    if (s.length() < 2) {
      throw syntax();
    }
    char quote = s.charAt(0);
    if (quote == '`') {
      int end = s.indexOf('`', 1);
      if (end != s.length() - 1) {
        throw syntax();
      }
      return Utf8.toValid(s.substring(1, end).replace("\r", ""));
    }
    if (quote != '"' && quote != '\'') {
      throw syntax();
    }
    return unescape(s, quote, quote == '\'');
  }

  /**
   * Prometheus' {@code strutil.Unquote}, which PromQL uses for strings: like {@link #unquote} but a
   * single-quoted string may hold any number of characters and a raw string keeps its carriage
   * returns.
   *
   * @throws IllegalArgumentException {@value #INVALID_SYNTAX}
   */
  public static String unquotePromQl(String s) {
    int n = s.length();
    if (n < 2 || s.charAt(0) != s.charAt(n - 1)) {
      throw syntax();
    }
    char quote = s.charAt(0);
    if (quote == '`') {
      String body = s.substring(1, n - 1);
      if (body.indexOf('`') >= 0) {
        throw syntax();
      }
      return Utf8.toValid(body);
    }
    if (quote != '"' && quote != '\'') {
      throw syntax();
    }
    return unescape(s, quote, false);
  }

  /** Decodes {@code s} (its first char is the quote) up to the closing quote, which must end it. */
  private static String unescape(String s, char quote, boolean singleRune) {
    int end = s.length() - 1;
    if (s.charAt(end) != quote) {
      throw syntax();
    }
    String body = s.substring(1, end);
    if (body.indexOf('\\') < 0 && body.indexOf('\n') < 0 && body.indexOf(quote) < 0) {
      // Go's fast path takes '' too: decoding nothing yields a rune error of width zero.
      if (singleRune && body.codePointCount(0, body.length()) > 1) {
        throw syntax();
      }
      return Utf8.toValid(body);
    }
    Bytes out = new Bytes(body.length());
    int runes = 0;
    for (int i = 0; i < body.length(); runes++) {
      Char c = unquoteChar(body, i, quote);
      out.add(c);
      i = c.end();
    }
    if (singleRune && runes != 1) {
      throw syntax();
    }
    byte[] bytes = out.toByteArray();
    return Utf8.decode(bytes, 0, bytes.length);
  }

  /**
   * One character of a quoted literal, as {@code strconv.UnquoteChar} returns it.
   *
   * @param value the rune, or for {@code \\x} and octal escapes the byte value
   * @param multibyte whether {@code value} is a rune to encode as UTF-8 rather than one byte
   * @param end the index after the character or escape
   */
  public record Char(int value, boolean multibyte, int end) {}

  private static final class Bytes extends ByteArrayOutputStream {
    Bytes(int size) {
      super(size);
    }

    void add(Char c) {
      if (c.multibyte() && c.value() >= 0x80) {
        writeBytes(new String(Character.toChars(c.value())).getBytes(StandardCharsets.UTF_8));
      } else {
        write(c.value());
      }
    }
  }

  /**
   * {@code strconv.UnquoteChar}: the character or escape at {@code i} of a literal whose quote is
   * {@code quote}.
   *
   * @throws IllegalArgumentException {@value #INVALID_SYNTAX} for an unescaped quote or newline or
   *     a bad escape
   */
  public static Char unquoteChar(String s, int i, char quote) {
    if (i >= s.length()) {
      throw syntax();
    }
    int c = s.codePointAt(i);
    if (c == quote && (quote == '\'' || quote == '"') || c == '\n') {
      throw syntax();
    }
    if (c != '\\') {
      int r = Utf8.isSurrogate(c) ? Utf8.RUNE_ERROR : c;
      return new Char(r, r >= 0x80, i + Character.charCount(c));
    }
    if (i + 1 >= s.length()) {
      throw syntax();
    }
    char e = s.charAt(i + 1);
    int p = i + 2;
    return switch (e) {
      case 'a' -> new Char(0x07, false, p);
      case 'b' -> new Char('\b', false, p);
      case 'f' -> new Char('\f', false, p);
      case 'n' -> new Char('\n', false, p);
      case 'r' -> new Char('\r', false, p);
      case 't' -> new Char('\t', false, p);
      case 'v' -> new Char(0x0B, false, p);
      case '\\' -> new Char('\\', false, p);
      case '\'', '"' -> {
        if (e != quote) {
          throw syntax();
        }
        yield new Char(e, false, p);
      }
      case 'x' -> new Char(hex(s, p, 2), false, p + 2);
      case 'u', 'U' -> {
        int digits = e == 'u' ? 4 : 8;
        int v = hex(s, p, digits);
        if (v > Character.MAX_CODE_POINT || (v >= 0xD800 && v <= 0xDFFF)) {
          throw syntax();
        }
        yield new Char(v, true, p + digits);
      }
      case '0', '1', '2', '3', '4', '5', '6', '7' -> {
        if (p + 2 > s.length()) {
          throw syntax();
        }
        int v = e - '0';
        for (int j = 0; j < 2; j++) {
          int d = s.charAt(p + j) - '0';
          if (d < 0 || d > 7) {
            throw syntax();
          }
          v = (v << 3) | d;
        }
        if (v > 255) {
          throw syntax();
        }
        yield new Char(v, false, p + 2);
      }
      default -> throw syntax();
    };
  }

  private static int hex(String s, int from, int digits) {
    if (from + digits > s.length()) {
      throw syntax();
    }
    long v = 0;
    for (int j = from; j < from + digits; j++) {
      int d = Character.digit(s.charAt(j), 16);
      if (d < 0 || s.charAt(j) > 'f') {
        throw syntax();
      }
      v = (v << 4) | d;
    }
    return v > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) v;
  }

  private static IllegalArgumentException syntax() {
    return new IllegalArgumentException(INVALID_SYNTAX);
  }
}
