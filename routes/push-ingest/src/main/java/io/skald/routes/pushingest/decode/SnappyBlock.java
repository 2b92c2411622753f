package io.skald.routes.pushingest.decode;

import io.skald.routes.pushingest.PushException;
import java.io.IOException;
import org.xerial.snappy.Snappy;

/**
 * Snappy block format (not the framed/stream format), as Go's {@code snappy.DecodedLen} and {@code
 * snappy.Decode}. The declared length is read first so that the size limit is enforced before
 * anything is allocated.
 */
final class SnappyBlock {
  static final String CORRUPT = "snappy: corrupt input";

  private SnappyBlock() {}

  /**
   * The decoded length the block declares (its uvarint header); 400 {@code snappy: corrupt input}
   * if unreadable.
   */
  static long decodedLength(byte[] block) {
    long v = 0;
    for (int i = 0, shift = 0; i < block.length && i < 10; i++, shift += 7) {
      int b = block[i] & 0xFF;
      if (i == 9 && b > 1) {
        break; // uvarint overflow
      }
      v |= (long) (b & 0x7F) << shift;
      if (b < 0x80) {
        if (v < 0 || v > 0xFFFFFFFFL) {
          break;
        }
        return v;
      }
    }
    throw new PushException(400, CORRUPT);
  }

  /** Decodes a block whose declared length has already been checked against the limits. */
  static byte[] decode(byte[] block, int decodedLength) {
    byte[] out = new byte[decodedLength];
    try {
      int n = Snappy.uncompress(block, 0, block.length, out, 0);
      if (n != decodedLength) {
        throw new PushException(400, CORRUPT);
      }
      return out;
    } catch (IOException | RuntimeException e) {
      if (e instanceof PushException pe) {
        throw pe;
      }
      throw new PushException(400, CORRUPT);
    }
  }
}
