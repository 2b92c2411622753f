package io.skald.routes.pushingest.util;

/** UTF-8 helpers: Loki measures lines, labels and metadata in bytes, Java strings are UTF-16. */
public final class Utf8 {
  private Utf8() {}

  /** The number of bytes {@code s} takes in UTF-8 (a lone surrogate counts as U+FFFD, 3 bytes). */
  public static int length(String s) {
    int n = s.length();
    int bytes = n;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        if (c < 0x800) {
          bytes += 1;
        } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
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

  /** Compares like Go's {@code strings.Compare} (UTF-8 byte order, which is code point order). */
  public static int compare(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char ca = a.charAt(i);
      char cb = b.charAt(i);
      if (ca != cb) {
        boolean sa = Character.isSurrogate(ca);
        boolean sb = Character.isSurrogate(cb);
        if (sa != sb) {
          // a surrogate (code point >= 0x10000) sorts after every BMP char
          return sa ? 1 : -1;
        }
        return ca - cb;
      }
    }
    return a.length() - b.length();
  }
}
