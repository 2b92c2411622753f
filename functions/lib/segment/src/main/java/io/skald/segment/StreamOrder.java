package io.skald.segment;

import java.util.Comparator;

/**
 * Order of streams in the footer: Unicode code point order, which equals the unsigned byte order
 * of the UTF-8 encoding. Chosen over {@link String#compareTo} (UTF-16 order) so that readers in
 * any language can reproduce it from the stored bytes.
 */
final class StreamOrder {
  static final Comparator<String> COMPARATOR = StreamOrder::compare;

  private StreamOrder() {}

  static int compare(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char ca = a.charAt(i);
      char cb = b.charAt(i);
      if (ca != cb) {
        return codePointRank(ca) - codePointRank(cb);
      }
    }
    return a.length() - b.length();
  }

  /**
   * Surrogates (U+D800..DFFF) encode code points above U+FFFF, so they must rank above
   * U+E000..FFFF; shifting both ranges is enough because the first differing unit decides.
   */
  private static int codePointRank(char c) {
    if (c < 0xD800) {
      return c;
    }
    return c >= 0xE000 ? c - 0x800 : c + 0x2000;
  }
}
