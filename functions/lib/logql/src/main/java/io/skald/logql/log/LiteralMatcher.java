package io.skald.logql.log;

/**
 * Substring search over bytes with Boyer–Moore–Horspool (a plain first-byte scan for one-byte
 * needles). UTF-8 is self-synchronising, so byte search equals character search.
 */
final class LiteralMatcher implements LineMatcher {
  private final byte[] needle;
  private final int[] shift;

  private LiteralMatcher(byte[] needle) {
    this.needle = needle;
    this.shift = new int[256];
    java.util.Arrays.fill(shift, needle.length);
    for (int i = 0; i < needle.length - 1; i++) {
      shift[needle[i] & 0xff] = needle.length - 1 - i;
    }
  }

  /** The empty needle matches every line, as in Loki ({@code |= ""} is a no-op). */
  static LineMatcher of(byte[] needle) {
    return needle.length == 0 ? ALWAYS : new LiteralMatcher(needle);
  }

  @Override
  public boolean matches(LineBuffer line) {
    return indexOf(line.array(), line.offset(), line.length()) >= 0;
  }

  int indexOf(byte[] hay, int off, int len) {
    int n = needle.length;
    int end = off + len;
    if (n == 1) {
      byte b = needle[0];
      for (int i = off; i < end; i++) {
        if (hay[i] == b) {
          return i;
        }
      }
      return -1;
    }
    byte last = needle[n - 1];
    int i = off + n - 1;
    while (i < end) {
      byte c = hay[i];
      if (c == last) {
        int j = n - 2;
        int k = i - 1;
        while (j >= 0 && hay[k] == needle[j]) {
          j--;
          k--;
        }
        if (j < 0) {
          return k + 1;
        }
      }
      i += shift[c & 0xff];
    }
    return -1;
  }
}
