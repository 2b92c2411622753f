package io.skald.segment;

import java.util.Arrays;

/**
 * Growable little-endian byte buffer with LEB128 varints; the writer side of {@link ByteReader}.
 */
final class ByteSink {
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

  private byte[] buf;
  private int size;

  ByteSink(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  int size() {
    return size;
  }

  byte[] array() {
    return buf;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  void reset() {
    size = 0;
  }

  void writeByte(int b) {
    ensure(1);
    buf[size++] = (byte) b;
  }

  void writeIntLE(int v) {
    ensure(4);
    buf[size] = (byte) v;
    buf[size + 1] = (byte) (v >>> 8);
    buf[size + 2] = (byte) (v >>> 16);
    buf[size + 3] = (byte) (v >>> 24);
    size += 4;
  }

  void writeIntBE(int v) {
    writeIntLE(Integer.reverseBytes(v));
  }

  /** Unsigned LEB128: 7 bits per byte, high bit set on every byte but the last. */
  void writeUvarint(long v) {
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      buf[size++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[size++] = (byte) v;
  }

  /** Zigzag maps small negative and positive numbers alike to small unsigned ones. */
  void writeZigzag(long v) {
    writeUvarint((v << 1) ^ (v >> 63));
  }

  void writeBytes(byte[] src, int off, int len) {
    ensure(len);
    System.arraycopy(src, off, buf, size, len);
    size += len;
  }

  void writeBytes(byte[] src) {
    writeBytes(src, 0, src.length);
  }

  void writeSink(ByteSink other) {
    writeBytes(other.buf, 0, other.size);
  }

  static int uvarintLength(long v) {
    int n = 1;
    while ((v & ~0x7FL) != 0) {
      v >>>= 7;
      n++;
    }
    return n;
  }

  private void ensure(int extra) {
    long needed = (long) size + extra;
    if (needed <= buf.length) {
      return;
    }
    if (needed > MAX_ARRAY) {
      throw new IllegalStateException("segment data exceeds 2 GiB; cut segments smaller");
    }
    long grown = Math.max(needed, Math.min((long) buf.length * 2, MAX_ARRAY));
    buf = Arrays.copyOf(buf, (int) grown);
  }
}
