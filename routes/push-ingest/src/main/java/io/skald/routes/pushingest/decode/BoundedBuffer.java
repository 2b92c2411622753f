package io.skald.routes.pushingest.decode;

import java.util.Arrays;

/** A growable byte buffer that refuses to grow past a cap (decompression-bomb guard). */
final class BoundedBuffer {
  private final int cap;
  private byte[] buf;
  private int size;

  BoundedBuffer(int initial, int cap) {
    this.cap = cap;
    this.buf = new byte[Math.max(64, Math.min(initial, cap))];
  }

  /** Room left before the cap. */
  int remaining() {
    return cap - size;
  }

  /**
   * Makes room for up to {@code n} more bytes (never past the cap) and returns the backing array.
   */
  byte[] ensure(int n) {
    int want = (int) Math.min((long) size + n, cap);
    if (want > buf.length) {
      long grown = Math.max((long) buf.length * 2, want);
      buf = Arrays.copyOf(buf, (int) Math.min(grown, cap));
    }
    return buf;
  }

  int size() {
    return size;
  }

  void advance(int n) {
    size += n;
  }

  byte[] toByteArray() {
    return size == buf.length ? buf : Arrays.copyOf(buf, size);
  }
}
