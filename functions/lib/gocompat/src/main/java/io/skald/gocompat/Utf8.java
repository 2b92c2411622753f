package io.skald.gocompat;

import java.nio.charset.StandardCharsets;

/**
 * UTF-8 as Go sees it. Go strings are bytes: an invalid byte decodes as {@code utf8.RuneError}
 * (U+FFFD) of width one, lengths are byte counts and strings compare by bytes. Java strings are
 * UTF-16 and can hold lone surrogates, which Go would have decoded as U+FFFD; the Go-view methods
 * here treat them so. The {@code jdk*} methods instead describe what {@code getBytes(UTF_8)}
 * stores, which replaces a lone surrogate with {@code '?'}.
 */
public final class Utf8 {
  /** Go's {@code utf8.RuneError}. */
  public static final int RUNE_ERROR = 0xFFFD;

  private Utf8() {}

  /**
   * The width of the valid sequence at {@code i}, or 1 for an invalid byte (Go's {@code
   * utf8.DecodeRune} width: overlong forms, surrogates and code points above U+10FFFF are invalid).
   */
  public static int sequenceLength(byte[] b, int i, int end) {
    int c = b[i] & 0xff;
    int n;
    int min;
    if (c < 0x80) {
      return 1;
    } else if (c >= 0xc2 && c <= 0xdf) {
      n = 2;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 3;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 4;
      min = 0x10000;
    } else {
      return 1;
    }
    if (i + n > end) {
      return 1;
    }
    int cp = c & (0xff >> (n + 1));
    for (int k = 1; k < n; k++) {
      int cc = b[i + k] & 0xff;
      if ((cc & 0xc0) != 0x80) {
        return 1;
      }
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > Character.MAX_CODE_POINT || (cp >= 0xd800 && cp <= 0xdfff)) {
      return 1;
    }
    return n;
  }

  /** Go's {@code utf8.Valid}. */
  public static boolean isValid(byte[] b, int off, int len) {
    return firstRuneError(b, off, len, false) < 0;
  }

  /** Whether the bytes hold U+FFFD or an invalid sequence: Go's {@code ContainsRune(RuneError)}. */
  public static boolean hasRuneError(byte[] b, int off, int len) {
    return firstRuneError(b, off, len, true) >= 0;
  }

  /** The index of the first invalid sequence (or encoded U+FFFD, if it counts), or -1. */
  private static int firstRuneError(byte[] b, int off, int len, boolean fffdCounts) {
    int end = off + len;
    for (int i = off; i < end; ) {
      if (b[i] >= 0) {
        i++;
        continue;
      }
      int n = sequenceLength(b, i, end);
      if (n == 1 || fffdCounts && isEncodedRuneError(b, i, n)) {
        return i;
      }
      i += n;
    }
    return -1;
  }

  private static boolean isEncodedRuneError(byte[] b, int i, int n) {
    return n == 3
        && (b[i] & 0xff) == 0xef
        && (b[i + 1] & 0xff) == 0xbf
        && (b[i + 2] & 0xff) == 0xbd;
  }

  /** The runes of the bytes as Go ranges over them: each invalid byte becomes one U+FFFD. */
  public static String decode(byte[] b, int off, int len) {
    return decode(b, off, len, RUNE_ERROR, false);
  }

  /** {@link #decode} of a whole array. */
  public static String decode(byte[] b) {
    return decode(b, 0, b.length);
  }

  /**
   * Decodes the bytes with every rune error (an invalid byte or an encoded U+FFFD) replaced by
   * {@code replacement}, one per invalid byte. Loki does this to label values with a space, because
   * Prometheus refuses the replacement rune in them.
   */
  public static String decodeReplacingRuneErrors(byte[] b, int off, int len, int replacement) {
    return decode(b, off, len, replacement, true);
  }

  private static String decode(byte[] b, int off, int len, int replacement, boolean alsoFffd) {
    int end = off + len;
    boolean ascii = true;
    for (int i = off; i < end; i++) {
      if (b[i] < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }
    if (alsoFffd ? !hasRuneError(b, off, len) : isValid(b, off, len)) {
      return new String(b, off, len, StandardCharsets.UTF_8);
    }
    StringBuilder sb = new StringBuilder(len);
    for (int i = off; i < end; ) {
      int n = sequenceLength(b, i, end);
      if (n == 1 && b[i] < 0) {
        sb.appendCodePoint(replacement);
      } else if (alsoFffd && isEncodedRuneError(b, i, n)) {
        sb.appendCodePoint(replacement);
      } else {
        sb.append(new String(b, i, n, StandardCharsets.UTF_8));
      }
      i += n;
    }
    return sb.toString();
  }

  /** The bytes Go would hold for {@code s}: UTF-8 with each lone surrogate as U+FFFD. */
  public static byte[] encode(String s) {
    if (!hasLoneSurrogate(s)) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
    return toValid(s).getBytes(StandardCharsets.UTF_8);
  }

  /** {@code s} with each lone surrogate replaced by U+FFFD, as Go's decoders would have it. */
  public static String toValid(String s) {
    if (!hasLoneSurrogate(s)) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      sb.appendCodePoint(isSurrogate(cp) ? RUNE_ERROR : cp);
    }
    return sb.toString();
  }

  /** Whether a code point from {@link String#codePointAt} is a lone surrogate. */
  public static boolean isSurrogate(int cp) {
    return cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE;
  }

  private static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /** {@code len(s)} in Go: the UTF-8 byte count, a lone surrogate counting as U+FFFD (3 bytes). */
  public static int length(String s) {
    int n = s.length();
    int bytes = n;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        if (c < 0x800) {
          bytes += 1;
        } else if (Character.isHighSurrogate(c)
            && i + 1 < n
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          bytes += 2; // 4 bytes for the pair, 2 chars already counted
          i++;
        } else {
          bytes += 2;
        }
      }
    }
    return bytes;
  }

  /**
   * The longest prefix of {@code s} whose UTF-8 encoding is at most {@code maxBytes} long, never
   * splitting a character.
   */
  public static String truncateToBytes(String s, int maxBytes) {
    int bytes = 0;
    int n = s.length();
    for (int i = 0; i < n; ) {
      int cp = s.codePointAt(i);
      int w = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + w > maxBytes) {
        return s.substring(0, i);
      }
      bytes += w;
      i += Character.charCount(cp);
    }
    return s;
  }

  /**
   * Compares like Go's {@code strings.Compare}: by UTF-8 bytes, which is code point order (Java's
   * {@link String#compareTo} puts supplementary characters before U+E000..U+FFFF).
   */
  public static int compare(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char ca = a.charAt(i);
      char cb = b.charAt(i);
      if (ca != cb) {
        boolean sa = Character.isSurrogate(ca);
        boolean sb = Character.isSurrogate(cb);
        if (sa != sb) {
          return sa ? 1 : -1;
        }
        return ca - cb;
      }
    }
    return a.length() - b.length();
  }

  /**
   * {@code s} as it reads back after {@code getBytes(UTF_8)} and decoding: unchanged unless it
   * holds lone surrogates, which the JDK encoder stores as {@code '?'}.
   */
  public static String jdkRoundTrip(String s) {
    return hasLoneSurrogate(s)
        ? new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)
        : s;
  }

  /** The length of {@code s.getBytes(UTF_8)} without encoding: a lone surrogate is one byte. */
  public static int jdkEncodedLength(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        n += 1;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
