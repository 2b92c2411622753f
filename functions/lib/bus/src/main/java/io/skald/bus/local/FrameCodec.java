package io.skald.bus.local;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * On-disk record framing (big-endian):
 *
 * <pre>
 * int  bodyLength   bytes after the crc field
 * int  crc          CRC-32C of the body
 * body: byte magic (1) | long offset | long timestampMillis
 *       | int keyLength (-1 = null) | key | int valueLength | value
 * </pre>
 *
 * The length and CRC let recovery find the end of the last complete, intact record after a crash (a
 * torn write, zero-filled tail or garbage fails one of them); the offset in the body lets it check
 * that offsets stay dense.
 */
final class FrameCodec {

  static final byte MAGIC = 1;
  static final int HEADER = 8;
  static final int BODY_FIXED = 1 + 8 + 8 + 4 + 4;
  static final int OVERHEAD = HEADER + BODY_FIXED;

  private FrameCodec() {}

  static int frameSize(byte[] key, byte[] value) {
    return OVERHEAD + (key == null ? 0 : key.length) + value.length;
  }

  /** Writes one frame at dst's position and advances it. */
  static void encode(ByteBuffer dst, long offset, long timestamp, byte[] key, byte[] value) {
    int start = dst.position();
    int bodyLength = frameSize(key, value) - HEADER;
    dst.putInt(bodyLength).putInt(0);
    dst.put(MAGIC).putLong(offset).putLong(timestamp);
    if (key == null) {
      dst.putInt(-1);
    } else {
      dst.putInt(key.length).put(key);
    }
    dst.putInt(value.length).put(value);
    dst.putInt(start + 4, crc(dst, start + HEADER, bodyLength));
  }

  /**
   * Checks the frame at {@code buf.position()}: returns its total size if complete and intact, 0 if
   * the buffer ends before the frame does (read more), or -1 if it is corrupt. Does not move the
   * position.
   */
  static int check(ByteBuffer buf, long expectedOffset) {
    int at = buf.position();
    int available = buf.limit() - at;
    if (available < HEADER) {
      return 0;
    }
    int bodyLength = buf.getInt(at);
    if (bodyLength < BODY_FIXED || bodyLength > LocalLogConfig.MAX_SEGMENT_BYTES) {
      return -1;
    }
    if (available < HEADER + bodyLength) {
      return 0;
    }
    if (buf.getInt(at + 4) != crc(buf, at + HEADER, bodyLength)
        || buf.get(at + HEADER) != MAGIC
        || (expectedOffset >= 0 && offset(buf) != expectedOffset)) {
      return -1;
    }
    int keyLength = buf.getInt(at + HEADER + 17);
    if (keyLength < -1 || keyLength > bodyLength - BODY_FIXED) {
      return -1;
    }
    int valueAt = at + HEADER + 21 + Math.max(keyLength, 0);
    if (buf.getInt(valueAt) != at + HEADER + bodyLength - valueAt - 4) {
      return -1;
    }
    return HEADER + bodyLength;
  }

  /** Total size a frame claims from its header (only after a positive {@link #check}). */
  static int size(ByteBuffer buf) {
    return HEADER + buf.getInt(buf.position());
  }

  static long offset(ByteBuffer buf) {
    return buf.getLong(buf.position() + HEADER + 1);
  }

  static long timestamp(ByteBuffer buf) {
    return buf.getLong(buf.position() + HEADER + 9);
  }

  /** Key bytes of a checked frame, or null. */
  static byte[] key(ByteBuffer buf) {
    int at = buf.position() + HEADER + 17;
    int length = buf.getInt(at);
    return length < 0 ? null : copy(buf, at + 4, length);
  }

  static byte[] value(ByteBuffer buf) {
    int keyLength = buf.getInt(buf.position() + HEADER + 17);
    int at = buf.position() + HEADER + 21 + Math.max(keyLength, 0);
    return copy(buf, at + 4, buf.getInt(at));
  }

  private static byte[] copy(ByteBuffer buf, int at, int length) {
    byte[] out = new byte[length];
    buf.get(at, out);
    return out;
  }

  private static int crc(ByteBuffer buf, int at, int length) {
    CRC32C crc = new CRC32C();
    crc.update(buf.duplicate().limit(at + length).position(at));
    return (int) crc.getValue();
  }
}
