package io.skald.bus.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Walks frames of one segment file with positional reads into a reusable buffer, never reading past
 * a caller-given limit (the durable size for readers, the file size for recovery).
 */
final class FrameCursor {

  private static final int SHRINK_ABOVE = 4 << 20;

  private final int initialCapacity;
  private ByteBuffer buf;
  private FileChannel channel;
  private long framePosition;

  FrameCursor(int initialCapacity) {
    this.initialCapacity = initialCapacity;
    this.buf = ByteBuffer.allocate(initialCapacity).limit(0);
  }

  void reset(FileChannel channel, long filePosition) {
    this.channel = channel;
    this.framePosition = filePosition;
    if (buf.capacity() > SHRINK_ABOVE) {
      buf = ByteBuffer.allocate(initialCapacity);
    }
    buf.clear().limit(0);
  }

  /** File position of the current frame. */
  long position() {
    return framePosition;
  }

  /**
   * Size of the intact frame at {@link #position()}, 0 if no complete frame ends at or before
   * {@code limit}, -1 if the bytes there are not a valid frame for {@code expectedOffset} (-1 to
   * skip the offset check).
   */
  int next(long limit, long expectedOffset) throws IOException {
    while (true) {
      int size = FrameCodec.check(buf, expectedOffset);
      if (size != 0) {
        return size;
      }
      if (framePosition + buf.remaining() >= limit || fill(limit) == 0) {
        return 0;
      }
    }
  }

  /** The buffer positioned at the current frame (valid after a positive {@link #next}). */
  ByteBuffer frame() {
    return buf;
  }

  void advance(int size) {
    buf.position(buf.position() + size);
    framePosition += size;
  }

  private int fill(long limit) throws IOException {
    buf.compact();
    if (!buf.hasRemaining()) {
      grow();
    }
    long readFrom = framePosition + buf.position();
    int want = (int) Math.min(buf.remaining(), limit - readFrom);
    int total = 0;
    buf.limit(buf.position() + want);
    while (total < want) {
      int n = channel.read(buf, readFrom + total);
      if (n <= 0) {
        break;
      }
      total += n;
    }
    buf.flip();
    return total;
  }

  /** A frame larger than the buffer: make room for all of it (its length is already buffered). */
  private void grow() {
    int claimed = buf.position() >= 4 ? FrameCodec.HEADER + buf.getInt(0) : 0;
    int capacity =
        (int)
            Math.min(
                Math.max((long) buf.capacity() * 2, claimed),
                LocalLogConfig.MAX_SEGMENT_BYTES + FrameCodec.HEADER);
    ByteBuffer bigger = ByteBuffer.allocate(capacity);
    bigger.put(buf.flip());
    buf = bigger;
  }
}
