package io.skald.segment;

/**
 * The fixed-size header and trailer that bracket a segment. The trailer sits at a known distance
 * from the end so a reader can locate the footer from the object size alone.
 */
final class SegmentEnds {
  /** Decoded trailer: where the footer is and how to verify it. */
  record Trailer(long footerLength, int footerCrc, int version) {}

  private SegmentEnds() {}

  static void writeHeader(ByteSink out, int version) {
    out.writeIntBE(SegmentFormat.MAGIC);
    out.writeByte(version);
  }

  static void writeTrailer(ByteSink out, int footerLength, int footerCrc, int version) {
    out.writeIntLE(footerLength);
    out.writeIntLE(footerCrc);
    out.writeByte(version);
    out.writeIntBE(SegmentFormat.MAGIC);
  }

  static void checkHeader(byte[] buf, int off, int trailerVersion) throws CorruptSegmentException {
    if (readIntBE(buf, off) != SegmentFormat.MAGIC) {
      throw new CorruptSegmentException("not a segment: bad magic at start");
    }
    int version = buf[off + 4] & 0xFF;
    if (version != trailerVersion) {
      throw new CorruptSegmentException(
          "header version " + version + " differs from trailer version " + trailerVersion);
    }
  }

  /** Parses the {@link SegmentFormat#TRAILER_SIZE} bytes at {@code off}. */
  static Trailer parseTrailer(byte[] buf, int off) throws CorruptSegmentException {
    if (readIntBE(buf, off + 9) != SegmentFormat.MAGIC) {
      throw new CorruptSegmentException("not a segment (or truncated): bad magic at end");
    }
    int version = buf[off + 8] & 0xFF;
    if (version != SegmentFormat.VERSION_1) {
      throw new UnsupportedSegmentVersionException(version);
    }
    long footerLength = Integer.toUnsignedLong(Integer.reverseBytes(readIntBE(buf, off)));
    int footerCrc = Integer.reverseBytes(readIntBE(buf, off + 4));
    return new Trailer(footerLength, footerCrc, version);
  }

  private static int readIntBE(byte[] b, int off) {
    return (b[off] & 0xFF) << 24
        | (b[off + 1] & 0xFF) << 16
        | (b[off + 2] & 0xFF) << 8
        | (b[off + 3] & 0xFF);
  }
}
