package io.skald.logql.log;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Maps raw key bytes to label name strings without allocating on a hit: log lines of a stream
 * repeat the same few keys, so each key is decoded and sanitised once. Bounded: the table is
 * cleared when it fills up, so high-cardinality keys cannot grow it. One per stream (not
 * thread-safe).
 */
final class KeyCache {
  private static final int SIZE = 512;
  private static final int MAX_ENTRIES = SIZE / 2;

  private final byte[][] keys = new byte[SIZE][];
  private final String[] values = new String[SIZE];
  private final Function<byte[], String> transform;
  private int entries;

  /**
   * @param transform computes the name from the key bytes (called once per distinct key)
   */
  KeyCache(Function<byte[], String> transform) {
    this.transform = transform;
  }

  static KeyCache sanitizing() {
    return new KeyCache(b -> LabelNames.sanitize(new String(b, StandardCharsets.UTF_8)));
  }

  static KeyCache identity() {
    return new KeyCache(b -> new String(b, StandardCharsets.UTF_8));
  }

  String get(byte[] b, int off, int len) {
    int h = 0x811c9dc5;
    for (int i = off, end = off + len; i < end; i++) {
      h = (h ^ b[i]) * 0x01000193;
    }
    int slot = (h ^ (h >>> 16)) & (SIZE - 1);
    while (true) {
      byte[] k = keys[slot];
      if (k == null) {
        break;
      }
      if (k.length == len && java.util.Arrays.equals(k, 0, len, b, off, off + len)) {
        return values[slot];
      }
      slot = (slot + 1) & (SIZE - 1);
    }
    byte[] copy = java.util.Arrays.copyOfRange(b, off, off + len);
    String v = transform.apply(copy);
    if (entries >= MAX_ENTRIES) {
      java.util.Arrays.fill(keys, null);
      java.util.Arrays.fill(values, null);
      entries = 0;
      return v;
    }
    keys[slot] = copy;
    values[slot] = v;
    entries++;
    return v;
  }
}
