package io.skald.logql.syntax;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Query text as it arrives over HTTP. Loki's lexer reads the raw bytes and refuses a query with a
 * byte that is not UTF-8; a Java string cannot hold such a byte, and the usual decoders replace it
 * with U+FFFD, which is valid. So query text is decoded here with every byte that does not start a
 * valid UTF-8 sequence kept as the lone surrogate {@code U+DC00 + byte} (the "surrogateescape"
 * convention: valid UTF-8 never decodes to a lone surrogate), and {@link LogQL} reports any lone
 * surrogate as Loki's {@code invalid UTF-8 encoding}.
 */
public final class QueryText {

  private QueryText() {}

  /**
   * Decodes UTF-8 as Go's {@code utf8.DecodeRune} does, one invalid byte at a time (overlong forms,
   * surrogates and values above U+10FFFF are invalid), keeping invalid bytes as lone surrogates.
   */
  public static String decodeUtf8(byte[] bytes, int off, int len) {
    StringBuilder out = new StringBuilder(len);
    int end = off + len;
    int i = off;
    while (i < end) {
      int b = bytes[i] & 0xff;
      if (b < 0x80) {
        out.append((char) b);
        i++;
        continue;
      }
      int width = sequenceLength(bytes, i, end);
      if (width == 0) {
        out.append((char) (0xDC00 | b));
        i++;
        continue;
      }
      out.append(new String(bytes, i, width, StandardCharsets.UTF_8));
      i += width;
    }
    return out.toString();
  }

  public static String decodeUtf8(byte[] bytes) {
    return decodeUtf8(bytes, 0, bytes.length);
  }

  /**
   * Decodes one {@code application/x-www-form-urlencoded} component ({@code +} is a space, {@code
   * %XX} a byte), keeping bytes that are not UTF-8 as {@link #decodeUtf8} does. Each char of {@code
   * encoded} is one byte (a raw query string, or a body read as ISO-8859-1).
   *
   * @throws IllegalArgumentException with {@link URLDecoder}'s text for a malformed escape
   */
  public static String decodeUrlComponent(String encoded) {
    boolean plain = true;
    for (int i = 0; i < encoded.length() && plain; i++) {
      char c = encoded.charAt(i);
      plain = c != '%' && c != '+' && c < 0x80;
    }
    if (plain) {
      return encoded;
    }
    // ISO-8859-1 maps bytes and chars one to one, so the escapes come out as the raw bytes.
    byte[] raw =
        URLDecoder.decode(encoded, StandardCharsets.ISO_8859_1)
            .getBytes(StandardCharsets.ISO_8859_1);
    return decodeUtf8(raw);
  }

  /**
   * Decodes {@code name=value} pairs separated by {@code &} (a query string, or a form body read as
   * ISO-8859-1) with {@link #decodeUrlComponent}, in order; a pair without {@code =} has the empty
   * value.
   *
   * @throws IllegalArgumentException for a malformed escape
   */
  public static Map<String, List<String>> decodeForm(String encoded) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decodeUrlComponent(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decodeUrlComponent(pair.substring(eq + 1));
      out.computeIfAbsent(name, x -> new ArrayList<>()).add(value);
    }
    return out;
  }

  /**
   * Query parameters as an HTTP server decoded them, unless it replaced bytes that are not UTF-8
   * with U+FFFD: then the raw query string (asked for only then), decoded with {@link #decodeForm}.
   */
  public static Map<String, List<String>> queryParameters(
      Map<String, List<String>> decoded, Supplier<String> rawQuery) {
    for (Map.Entry<String, List<String>> e : decoded.entrySet()) {
      if (e.getKey().indexOf('\uFFFD') >= 0
          || e.getValue().stream().anyMatch(v -> v.indexOf('\uFFFD') >= 0)) {
        String raw = rawQuery.get();
        return raw == null ? decoded : decodeForm(raw);
      }
    }
    return decoded;
  }

  /** Index of the first char that stands for a byte that is not UTF-8, or -1. */
  public static int firstInvalid(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /** Length of the valid UTF-8 sequence of two to four bytes at {@code i}, or 0. */
  private static int sequenceLength(byte[] b, int i, int end) {
    int b0 = b[i] & 0xff;
    int width;
    int lo = 0x80;
    int hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      width = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      width = 3;
      lo = b0 == 0xE0 ? 0xA0 : 0x80; // no overlong forms
      hi = b0 == 0xED ? 0x9F : 0xBF; // no surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      width = 4;
      lo = b0 == 0xF0 ? 0x90 : 0x80;
      hi = b0 == 0xF4 ? 0x8F : 0xBF; // nothing above U+10FFFF
    } else {
      return 0;
    }
    if (i + width > end) {
      return 0;
    }
    int b1 = b[i + 1] & 0xff;
    if (b1 < lo || b1 > hi) {
      return 0;
    }
    for (int k = 2; k < width; k++) {
      int bk = b[i + k] & 0xff;
      if (bk < 0x80 || bk > 0xBF) {
        return 0;
      }
    }
    return width;
  }
}
