package io.skald.segment;

import java.io.IOException;
import java.util.Objects;

/**
 * Reads segments with as few and as small reads as possible: the footer comes from one tail read
 * (two if it is unusually large), and each block is one ranged read plus one decompression.
 * Every inconsistency surfaces as {@link CorruptSegmentException}. Stateless and thread-safe.
 */
public final class SegmentReader {
  private SegmentReader() {}

  /**
   * Reads and verifies the footer with at most two reads: the last
   * {@link SegmentFormat#FOOTER_TAIL_READ_BYTES} bytes, then whatever of the footer precedes them.
   * The header magic is checked too when the tail read happens to cover it.
   */
  public static SegmentFooter readFooter(RangeSource src)
      throws IOException, CorruptSegmentException {
    long size = src.size();
    checkMinimumSize(size);
    int tailLength = (int) Math.min(size, SegmentFormat.FOOTER_TAIL_READ_BYTES);
    long tailStart = size - tailLength;
    byte[] tail = readExactly(src, tailStart, tailLength);
    SegmentEnds.Trailer trailer =
        SegmentEnds.parseTrailer(tail, tailLength - SegmentFormat.TRAILER_SIZE);
    long footerStart = footerStart(size, trailer);
    if (tailStart == 0) {
      SegmentEnds.checkHeader(tail, 0, trailer.version());
    }
    int footerLength = (int) trailer.footerLength();
    if (footerStart >= tailStart) {
      return decodeFooter(tail, (int) (footerStart - tailStart), footerLength, trailer, footerStart);
    }
    int missing = (int) (tailStart - footerStart);
    byte[] footer = new byte[footerLength];
    System.arraycopy(readExactly(src, footerStart, missing), 0, footer, 0, missing);
    System.arraycopy(tail, 0, footer, missing, footerLength - missing);
    return decodeFooter(footer, 0, footerLength, trailer, footerStart);
  }

  /** Reads and verifies the footer of a segment held entirely in memory. */
  public static SegmentFooter readFooter(byte[] wholeObject) throws CorruptSegmentException {
    checkMinimumSize(wholeObject.length);
    SegmentEnds.Trailer trailer =
        SegmentEnds.parseTrailer(wholeObject, wholeObject.length - SegmentFormat.TRAILER_SIZE);
    SegmentEnds.checkHeader(wholeObject, 0, trailer.version());
    long footerStart = footerStart(wholeObject.length, trailer);
    return decodeFooter(wholeObject, (int) footerStart, (int) trailer.footerLength(), trailer,
        footerStart);
  }

  /** Fetches one block with a single ranged read, verifies it and decodes it. */
  public static BlockCursor openBlock(RangeSource src, BlockRef block)
      throws IOException, CorruptSegmentException {
    Objects.requireNonNull(block, "block");
    if (block.length() < 0 || block.offset() < 0) {
      throw new CorruptSegmentException("invalid block ref " + block);
    }
    return openBlock(readExactly(src, block.offset(), block.length()), block);
  }

  /**
   * Verifies and decodes one block from its stored bytes, exactly
   * {@code [block.offset(), block.offset() + block.length())} of the object.
   */
  public static BlockCursor openBlock(byte[] compressedBlockBytes, BlockRef block)
      throws CorruptSegmentException {
    if (compressedBlockBytes.length != block.length()) {
      throw new CorruptSegmentException("block at " + block.offset() + " has "
          + compressedBlockBytes.length + " bytes, footer says " + block.length());
    }
    if (Frame.crc32(compressedBlockBytes, 0, block.length()) != block.crc32()) {
      throw new CorruptSegmentException("block at " + block.offset() + ": checksum mismatch");
    }
    byte[] payload = Frame.read(compressedBlockBytes, 0, block.length(),
        "block at " + block.offset());
    return BlockDecoderV1.decode(payload, block);
  }

  private static void checkMinimumSize(long size) throws CorruptSegmentException {
    if (size < SegmentFormat.HEADER_SIZE + SegmentFormat.TRAILER_SIZE) {
      throw new CorruptSegmentException("not a segment: only " + size + " bytes");
    }
  }

  private static long footerStart(long size, SegmentEnds.Trailer trailer)
      throws CorruptSegmentException {
    long start = size - SegmentFormat.TRAILER_SIZE - trailer.footerLength();
    if (start < SegmentFormat.HEADER_SIZE || trailer.footerLength() <= Frame.LENGTH_PREFIX
        || trailer.footerLength() > Integer.MAX_VALUE - 16) {
      throw new CorruptSegmentException(
          "footer length " + trailer.footerLength() + " does not fit an object of " + size);
    }
    return start;
  }

  private static SegmentFooter decodeFooter(byte[] buf, int off, int len,
      SegmentEnds.Trailer trailer, long footerStart) throws CorruptSegmentException {
    if (Frame.crc32(buf, off, len) != trailer.footerCrc()) {
      throw new CorruptSegmentException("footer checksum mismatch");
    }
    return FooterV1.decode(Frame.read(buf, off, len, "footer"), footerStart);
  }

  private static byte[] readExactly(RangeSource src, long offset, int length)
      throws IOException, CorruptSegmentException {
    byte[] bytes = src.read(offset, length);
    if (bytes == null || bytes.length != length) {
      throw new CorruptSegmentException("short read at " + offset + ": wanted " + length
          + " bytes, got " + (bytes == null ? 0 : bytes.length));
    }
    return bytes;
  }
}
