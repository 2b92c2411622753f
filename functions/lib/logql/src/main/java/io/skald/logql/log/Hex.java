package io.skald.logql.log;

/** Hex digits of {@code \\uXXXX} escapes, shared by the JSON and logfmt unquoting. */
final class Hex {

  private Hex() {}

  /** The value of four hex digits at {@code i}, or -1 when they are missing or not hex. */
  static int hex4(byte[] b, int i, int end) {
    if (i + 4 > end) {
      return -1;
    }
    int v = 0;
    for (int k = i; k < i + 4; k++) {
      int d = Character.digit(b[k], 16);
      if (d < 0) {
        return -1;
      }
      v = (v << 4) | d;
    }
    return v;
  }
}
