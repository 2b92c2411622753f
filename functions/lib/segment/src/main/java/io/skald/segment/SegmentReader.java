package io.skald.segment;

import java.io.IOException;
import java.util.Objects;

/**
 * Reads segments with as few and as small reads as possible: the footer comes from one tail read
 * (two if it is unusually large), and each block is one ranged read plus one decompression. Every
 * inconsistency surfaces as {@link CorruptSegmentException}. Thread-safe.
 *
 * <p>Blocks decompress into a buffer owned by the calling thread and reused by its next {@code
 * openBlock} (and zstd's decompression context is per thread too), so scanning allocates no
 * block-sized array per block. The price: a {@link BlockCursor} is valid only until the next {@code
 * openBlock} on the same thread. Finish with one cursor, copying what you keep, before opening the
 * next block on that thread.
 */
public final class SegmentReader {
  /**
   * Largest decoded block kept in a thread's reusable buffer; larger (non-default) blocks get a
   * fresh array so one odd block cannot pin megabytes per thread.
   */
  static final int MAX_REUSED_BLOCK_BYTES = 4 * SegmentFormat.DEFAULT_BLOCK_TARGET_BYTES;

  /** Per thread: element 0 is the decode buffer reused by {@link #openBlock(byte[], BlockRef)}. */
  private static final ThreadLocal<byte[][]> BLOCK_BUFFER =
      ThreadLocal.withInitial(() -> new byte[1][]);

  private SegmentReader() {}

  /**
   * Reads and verifies the footer with at most two reads: the last {@link
   * SegmentFormat#FOOTER_TAIL_READ_BYTES} bytes, then whatever of the footer precedes them. The
   * header magic is checked too when the tail read happens to cover it.
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
      return decodeFooter(
          tail, (int) (footerStart - tailStart), footerLength, trailer, footerStart);
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
    return decodeFooter(
        wholeObject, (int) footerStart, (int) trailer.footerLength(), trailer, footerStart);
  }

  /**
   * Fetches one block with a single ranged read, verifies it and decodes it. The cursor is valid
   * until the next {@code openBlock} on this thread.
   */
  public static BlockCursor openBlock(RangeSource src, BlockRef block)
      throws IOException, CorruptSegmentException {
    Objects.requireNonNull(block, "block");
    if (block.length() < 0 || block.offset() < 0) {
      throw new CorruptSegmentException("invalid block ref " + block);
    }
    return openBlock(readExactly(src, block.offset(), block.length()), block);
  }

  /**
   * Verifies and decodes one block from its stored bytes, exactly {@code [block.offset(),
   * block.offset() + block.length())} of the object. The cursor is valid until the next {@code
   * openBlock} on this thread (it shares the thread's decode buffer).
   */
  public static BlockCursor openBlock(byte[] compressedBlockBytes, BlockRef block)
      throws CorruptSegmentException {
    if (compressedBlockBytes.length != block.length()) {
      throw new CorruptSegmentException(
          "block at "
              + block.offset()
              + " has "
              + compressedBlockBytes.length
              + " bytes, footer says "
              + block.length());
    }
    if (Frame.crc32(compressedBlockBytes, 0, block.length()) != block.crc32()) {
      throw new CorruptSegmentException("block at " + block.offset() + ": checksum mismatch");
    }
    String what = "block at " + block.offset();
    int decodedLength = Frame.decodedLength(compressedBlockBytes, 0, block.length(), what);
    byte[] payload = blockBuffer(decodedLength);
    Frame.decompress(compressedBlockBytes, 0, block.length(), payload, decodedLength, what);
    return BlockDecoderV1.decode(payload, decodedLength, block);
  }

  /** This thread's decode buffer with room for {@code length} bytes, or a fresh array. */
  private static byte[] blockBuffer(int length) {
    if (length > MAX_REUSED_BLOCK_BYTES) {
      return new byte[length];
    }
    byte[][] holder = BLOCK_BUFFER.get();
    byte[] buf = holder[0];
    if (buf == null || buf.length < length) {
      // Grow to the largest block seen (at least the default target): blocks are capped near it.
      buf =
          new byte
              [Math.min(
                  MAX_REUSED_BLOCK_BYTES,
                  Math.max(
                      length,
                      Math.max(
                          SegmentFormat.DEFAULT_BLOCK_TARGET_BYTES + 4096,
                          buf == null ? 0 : buf.length)))];
      holder[0] = buf;
    }
    return buf;
  }

  private static void checkMinimumSize(long size) throws CorruptSegmentException {
    if (size < SegmentFormat.HEADER_SIZE + SegmentFormat.TRAILER_SIZE) {
      throw new CorruptSegmentException("not a segment: only " + size + " bytes");
    }
  }

  private static long footerStart(long size, SegmentEnds.Trailer trailer)
      throws CorruptSegmentException {
    long start = size - SegmentFormat.TRAILER_SIZE - trailer.footerLength();
    if (start < SegmentFormat.HEADER_SIZE
        || trailer.footerLength() <= Frame.LENGTH_PREFIX
        || trailer.footerLength() > Integer.MAX_VALUE - 16) {
      throw new CorruptSegmentException(
          "footer length " + trailer.footerLength() + " does not fit an object of " + size);
    }
    return start;
  }

  private static SegmentFooter decodeFooter(
      byte[] buf, int off, int len, SegmentEnds.Trailer trailer, long footerStart)
      throws CorruptSegmentException {
    if (Frame.crc32(buf, off, len) != trailer.footerCrc()) {
      throw new CorruptSegmentException("footer checksum mismatch");
    }
    return FooterV1.decode(Frame.read(buf, off, len, "footer"), footerStart);
  }

  private static byte[] readExactly(RangeSource src, long offset, int length)
      throws IOException, CorruptSegmentException {
    byte[] bytes = src.read(offset, length);
    if (bytes == null || bytes.length != length) {
      throw new CorruptSegmentException(
          "short read at "
              + offset
              + ": wanted "
              + length
              + " bytes, got "
              + (bytes == null ? 0 : bytes.length));
    }
    return bytes;
  }
}
