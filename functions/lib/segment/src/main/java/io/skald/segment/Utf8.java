package io.skald.segment;

import java.nio.charset.StandardCharsets;

/** UTF-8 helpers that avoid encoding on the append path. */
final class Utf8 {
  private Utf8() {}

  /**
   * Returns {@code s} as it will read back after a UTF-8 round trip: unchanged unless it holds
   * unpaired surrogates, which the encoder turns into {@code '?'}. Stream keys must be in this
   * form before sorting, or two keys could collapse into one stored label set.
   */
  static String storable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
      }
    }
    return s;
  }

  /**
   * Length of {@code s.getBytes(UTF_8)}. Unpaired surrogates count as one byte because the JDK
   * encoder replaces them with {@code '?'}, and that replacement is what gets stored.
   */
  static int encodedLength(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
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
