package io.skald.segment;

/**
 * Bounds-checked cursor over a byte range. Every read past the end or malformed varint becomes a
 * {@link CorruptSegmentException}, so decoders never leak IndexOutOfBounds on damaged input.
 */
final class ByteReader {
  private final byte[] buf;
  private final int end;
  private final String what;
  private int pos;

  ByteReader(byte[] buf, int offset, int length, String what) {
    this.buf = buf;
    this.pos = offset;
    this.end = offset + length;
    this.what = what;
  }

  int position() {
    return pos;
  }

  int remaining() {
    return end - pos;
  }

  byte[] array() {
    return buf;
  }

  int readIntLE() throws CorruptSegmentException {
    require(4);
    int v =
        (buf[pos] & 0xFF)
            | (buf[pos + 1] & 0xFF) << 8
            | (buf[pos + 2] & 0xFF) << 16
            | (buf[pos + 3] & 0xFF) << 24;
    pos += 4;
    return v;
  }

  long readUvarint() throws CorruptSegmentException {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      require(1);
      int b = buf[pos++] & 0xFF;
      if (shift == 63 && b > 1) {
        throw corrupt("varint overflows 64 bits");
      }
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw corrupt("varint longer than 10 bytes");
  }

  long readZigzag() throws CorruptSegmentException {
    long v = readUvarint();
    return (v >>> 1) ^ -(v & 1);
  }

  /** Reads an unsigned varint that must fit a non-negative int no larger than {@code max}. */
  int readCount(long max, String field) throws CorruptSegmentException {
    long v = readUvarint();
    if (v < 0 || v > max) {
      throw corrupt(field + " out of range: " + Long.toUnsignedString(v));
    }
    return (int) v;
  }

  /** Skips {@code len} bytes and returns the offset where they started. */
  int skip(int len) throws CorruptSegmentException {
    require(len);
    int start = pos;
    pos += len;
    return start;
  }

  void expectEnd() throws CorruptSegmentException {
    if (pos != end) {
      throw corrupt((end - pos) + " unexpected trailing bytes");
    }
  }

  CorruptSegmentException corrupt(String message) {
    return new CorruptSegmentException(what + ": " + message);
  }

  private void require(int n) throws CorruptSegmentException {
    if (n < 0 || n > end - pos) {
      throw corrupt("truncated (needs " + n + " bytes, " + (end - pos) + " left)");
    }
  }
}
