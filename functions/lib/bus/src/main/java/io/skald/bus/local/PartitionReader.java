package io.skald.bus.local;

import io.skald.bus.BusRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer's read position in one partition. It keeps its own file channel (an interrupt closes
 * only this reader's channel, never the writer's) and remembers the file position of the next
 * frame, so sequential polls do not consult the index.
 */
final class PartitionReader {

  private static final Logger LOG = LoggerFactory.getLogger(PartitionReader.class);

  private final String topic;
  private final int partition;
  private final PartitionLog log;
  private final FrameCursor cursor = new FrameCursor(64 * 1024);
  private long position;
  private Segment segment;
  private FileChannel channel;
  private long frameOffset;

  PartitionReader(String topic, int partition, PartitionLog log) {
    this.topic = topic;
    this.partition = partition;
    this.log = log;
  }

  long position() {
    return position;
  }

  void seek(long offset) {
    position = offset < 0 ? log.startOffset() : offset;
    segment = null;
  }

  /** Adds durable records from the position on, within the budgets; returns the bytes read. */
  long read(List<BusRecord> out, int maxRecords, long maxBytes) throws IOException {
    long bytes = 0;
    while (out.size() < maxRecords && bytes < maxBytes) {
      PartitionLog.Tail tail = log.tail();
      if (position > tail.endOffset() || position < log.startOffset()) {
        LOG.warn(
            "{}-{}: offset {} is outside the log [{}, {}]; resetting to the earliest",
            topic,
            partition,
            position,
            log.startOffset(),
            tail.endOffset());
        seek(log.startOffset());
        continue;
      }
      if (position == tail.endOffset() || (segment == null && !open())) {
        break;
      }
      boolean isTail = segment.baseOffset() == tail.segmentBase();
      long limit = isTail ? tail.durableSize() : segment.sealedSize();
      if (limit < 0) {
        segment = null; // a replaced segment object: look it up again
        continue;
      }
      int size = cursor.next(limit, frameOffset);
      if (size > 0) {
        if (frameOffset >= position) {
          ByteBuffer f = cursor.frame();
          out.add(
              new BusRecord(
                  topic,
                  partition,
                  frameOffset,
                  FrameCodec.key(f),
                  FrameCodec.value(f),
                  FrameCodec.timestamp(f)));
          bytes += size;
          position = frameOffset + 1;
        }
        cursor.advance(size);
        frameOffset++;
      } else if (isTail) {
        if (size < 0) {
          LOG.error(
              "{}-{}: corrupt record at offset {} in {}", topic, partition, position, segment);
        }
        break;
      } else if (!nextSegment(size)) {
        break;
      }
    }
    return bytes;
  }

  void close() {
    closeChannel();
    segment = null;
  }

  /** Positions the cursor at the segment and frame holding {@code position}. */
  private boolean open() throws IOException {
    Segment s = log.segmentAt(position);
    if (s == null) {
      return false;
    }
    closeChannel();
    try {
      channel = FileChannel.open(s.path(), StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      return false; // removed by retention; the next read resets to the new start
    }
    long[] entry = s.lookup(position);
    cursor.reset(channel, entry[1]);
    frameOffset = entry[0];
    segment = s;
    return true;
  }

  private boolean nextSegment(int size) {
    Segment next = log.segmentAfter(segment.baseOffset());
    segment = null;
    if (next == null) {
      return false;
    }
    if (size < 0 || position < next.baseOffset()) {
      LOG.error(
          "{}-{}: segment before {} is corrupt at offset {}; skipping to offset {}",
          topic,
          partition,
          next,
          position,
          next.baseOffset());
      position = next.baseOffset();
    }
    return true;
  }

  private void closeChannel() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        LOG.debug("closing reader of {}", segment, e);
      }
      channel = null;
    }
  }
}
