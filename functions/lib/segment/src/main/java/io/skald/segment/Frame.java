package io.skald.segment;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import java.util.zip.CRC32;

/**
 * The envelope shared by blocks and the footer: a little-endian u32 decoded length followed by one
 * zstd frame whose header declares the same content size. The reader checks the two against each
 * other and against {@link SegmentFormat#MAX_DECODED_FRAME_BYTES} before it allocates.
 */
final class Frame {
  static final int LENGTH_PREFIX = 4;

  /**
   * One decompression context per thread, reused for every frame: {@code Zstd.decompressByteArray}
   * would create and free a native context per call. Never escapes {@link #read}.
   */
  private static final ThreadLocal<ZstdDecompressCtx> DCTX =
      ThreadLocal.withInitial(ZstdDecompressCtx::new);

  private Frame() {}

  /**
   * Compresses {@code payload[0, len)} and appends the envelope to {@code out}; returns its size.
   */
  static int write(ZstdCompressCtx zstd, byte[] payload, int len, ByteSink out) {
    if (len > SegmentFormat.MAX_DECODED_FRAME_BYTES) {
      throw new IllegalStateException("frame of " + len + " bytes exceeds the format limit");
    }
    byte[] compressed = new byte[(int) Zstd.compressBound(len)];
    int n = zstd.compressByteArray(compressed, 0, compressed.length, payload, 0, len);
    int start = out.size();
    out.writeIntLE(len);
    out.writeBytes(compressed, 0, n);
    return out.size() - start;
  }

  /** Decodes an envelope occupying exactly {@code stored[off, off + len)} into a new array. */
  static byte[] read(byte[] stored, int off, int len, String what) throws CorruptSegmentException {
    int decodedLength = decodedLength(stored, off, len, what);
    byte[] decoded = new byte[decodedLength];
    decompress(stored, off, len, decoded, decodedLength, what);
    return decoded;
  }

  /**
   * Checks the envelope at {@code stored[off, off + len)} (length prefix within the format limit
   * and equal to the zstd frame's declared content size) and returns its decoded length, so the
   * caller can size the destination before anything is allocated.
   */
  static int decodedLength(byte[] stored, int off, int len, String what)
      throws CorruptSegmentException {
    ByteReader in = new ByteReader(stored, off, len, what);
    int decodedLength = in.readIntLE();
    if (decodedLength < 0 || decodedLength > SegmentFormat.MAX_DECODED_FRAME_BYTES) {
      throw in.corrupt("decoded length out of range: " + Integer.toUnsignedString(decodedLength));
    }
    int compressedOff = in.position();
    int compressedLen = in.remaining();
    if (compressedLen == 0) {
      throw in.corrupt("empty zstd frame");
    }
    // Both sizes must agree before we allocate, so one damaged length cannot cost a gigabyte.
    long declared = Zstd.getFrameContentSize(stored, compressedOff, compressedLen);
    if (declared != decodedLength) {
      throw in.corrupt("zstd frame declares " + declared + " bytes, envelope " + decodedLength);
    }
    return decodedLength;
  }

  /**
   * Decompresses the envelope at {@code stored[off, off + len)}, already checked by {@link
   * #decodedLength}, into {@code dst[0, decodedLength)}.
   */
  static void decompress(
      byte[] stored, int off, int len, byte[] dst, int decodedLength, String what)
      throws CorruptSegmentException {
    int compressedOff = off + LENGTH_PREFIX;
    int compressedLen = len - LENGTH_PREFIX;
    long n;
    try {
      n =
          DCTX.get()
              .decompressByteArray(dst, 0, decodedLength, stored, compressedOff, compressedLen);
    } catch (ZstdException | IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new CorruptSegmentException(what + ": zstd frame does not decode", e);
    }
    if (n != decodedLength) {
      throw new CorruptSegmentException(
          what + ": decoded " + n + " bytes, expected " + decodedLength);
    }
  }

  static int crc32(byte[] buf, int off, int len) {
    CRC32 crc = new CRC32();
    crc.update(buf, off, len);
    return (int) crc.getValue();
  }
}
