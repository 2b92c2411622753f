package io.skald.bus.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One partition: segment files indexed by base offset. Appends and syncs run only on the group
 * commit writer thread; readers see a record only once {@link #tail()} covers it, which is
 * published after the fsync, so nothing a consumer reads can vanish in a crash.
 */
final class PartitionLog {

  /** The durable end: segment holding it, its durable byte size, and the next offset. */
  record Tail(long segmentBase, long durableSize, long endOffset) {}

  private static final Logger LOG = LoggerFactory.getLogger(PartitionLog.class);
  private static final int WRITE_BUFFER = 256 * 1024;

  private final Path dir;
  private final LocalLogConfig config;
  private final ConcurrentSkipListMap<Long, Segment> segments = new ConcurrentSkipListMap<>();
  private volatile Tail tail;
  private volatile IOException failure;

  // Writer-thread state.
  private final ByteBuffer writeBuffer = ByteBuffer.allocate(WRITE_BUFFER);
  private Segment active;
  private FileChannel out;
  private long flushedSize;
  private long nextOffset;

  private PartitionLog(Path dir, LocalLogConfig config) {
    this.dir = dir;
    this.config = config;
  }

  /** Opens (or creates) the partition, truncating a torn tail of the last segment. */
  static PartitionLog open(Path dir, LocalLogConfig config) throws IOException {
    Durable.createDirectories(dir);
    PartitionLog log = new PartitionLog(dir, config);
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(Segment::isSegmentFile).sorted().toList();
    }
    if (files.isEmpty()) {
      files = List.of(log.createSegmentFile(0));
    }
    for (Path file : files.subList(0, files.size() - 1)) {
      Segment sealed = new Segment(file, Segment.baseOffsetOf(file), false);
      sealed.seal(Files.size(file));
      log.segments.put(sealed.baseOffset(), sealed);
    }
    Path last = files.get(files.size() - 1);
    log.openActive(new Segment(last, Segment.baseOffsetOf(last), true));
    Retention.apply(log.segments, log.active, config.retention());
    return log;
  }

  Tail tail() {
    return tail;
  }

  long startOffset() {
    return segments.firstKey();
  }

  /** The segment holding {@code offset}, or null if it is before the log start. */
  Segment segmentAt(long offset) {
    Map.Entry<Long, Segment> e = segments.floorEntry(offset);
    return e == null ? null : e.getValue();
  }

  Segment segmentAfter(long baseOffset) {
    Map.Entry<Long, Segment> e = segments.higherEntry(baseOffset);
    return e == null ? null : e.getValue();
  }

  /** Writer thread: buffers one record and returns its offset. Not durable until {@link #sync}. */
  long append(byte[] key, byte[] value, long timestamp) throws IOException {
    if (failure != null) {
      throw new IOException("partition " + dir + " failed earlier and needs a restart", failure);
    }
    int size = FrameCodec.frameSize(key, value);
    long position = flushedSize + writeBuffer.position();
    if (position > 0 && position + size > config.segmentBytes()) {
      roll();
      position = 0;
    }
    if (size > writeBuffer.remaining()) {
      flushBuffer();
    }
    long offset = nextOffset;
    if (size > writeBuffer.capacity()) {
      ByteBuffer large = ByteBuffer.allocate(size);
      FrameCodec.encode(large, offset, timestamp, key, value);
      writeFully(large.flip());
    } else {
      FrameCodec.encode(writeBuffer, offset, timestamp, key, value);
    }
    active.indexed(offset, position);
    nextOffset = offset + 1;
    return offset;
  }

  /** Writer thread: writes, fsyncs and publishes everything appended so far. */
  void sync() throws IOException {
    if (writeBuffer.position() > 0) {
      flushBuffer();
    }
    Tail current = tail;
    if (current.endOffset() == nextOffset && current.segmentBase() == active.baseOffset()) {
      return;
    }
    force();
    tail = new Tail(active.baseOffset(), flushedSize, nextOffset);
  }

  /**
   * Writer thread, after a failed write (e.g. disk full): reopen the last segment from disk so a
   * partial frame is cut off and appends can continue. After a failed fsync the page cache can no
   * longer be trusted, so the partition stays failed instead.
   */
  void recover() {
    if (failure != null) {
      return;
    }
    closeQuietly();
    writeBuffer.clear();
    try {
      Segment last = segments.lastEntry().getValue();
      openActive(new Segment(last.path(), last.baseOffset(), true));
    } catch (IOException e) {
      fail("reopening after a failed write", e);
    }
  }

  boolean failed() {
    return failure != null;
  }

  /** Closes the write channel without flushing (everything acknowledged is already synced). */
  void close() {
    closeQuietly();
  }

  private void openActive(Segment segment) throws IOException {
    FileChannel channel =
        FileChannel.open(segment.path(), StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      long size = channel.size();
      long[] end = segment.scan(channel, size);
      if (end[0] < size) {
        LOG.warn(
            "{}: dropping {} bytes of torn or corrupt tail after offset {}",
            segment.path(),
            size - end[0],
            end[1] - 1);
        channel.truncate(end[0]);
      }
      // Bytes surviving a process crash may sit only in the page cache: make them durable
      // before anyone reads them, or a later OS crash could rewind offsets already consumed.
      channel.force(true);
      segments.put(segment.baseOffset(), segment);
      active = segment;
      out = channel;
      flushedSize = end[0];
      nextOffset = end[1];
      tail = new Tail(segment.baseOffset(), flushedSize, nextOffset);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private void roll() throws IOException {
    flushBuffer();
    force();
    active.seal(flushedSize);
    tail = new Tail(active.baseOffset(), flushedSize, nextOffset);
    closeQuietly();
    Path path = createSegmentFile(nextOffset);
    out = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
    active = new Segment(path, nextOffset, true);
    flushedSize = 0;
    segments.put(nextOffset, active);
    Retention.apply(segments, active, config.retention());
  }

  /** Creates an empty segment file whose directory entry is durable before any append. */
  private Path createSegmentFile(long baseOffset) throws IOException {
    Path path = Segment.path(dir, baseOffset);
    Files.write(path, new byte[0]);
    Durable.syncDirectory(dir);
    return path;
  }

  private void force() throws IOException {
    try {
      out.force(false);
    } catch (IOException e) {
      fail("fsync", e);
      throw e;
    }
  }

  private void flushBuffer() throws IOException {
    writeFully(writeBuffer.flip());
    writeBuffer.clear();
  }

  private void writeFully(ByteBuffer buf) throws IOException {
    while (buf.hasRemaining()) {
      flushedSize += out.write(buf, flushedSize);
    }
  }

  private void fail(String step, IOException e) {
    LOG.error("{}: {} failed; refusing further appends until restart", dir, step, e);
    failure = e;
  }

  private void closeQuietly() {
    try {
      if (out != null) {
        out.close();
      }
    } catch (IOException e) {
      LOG.debug("closing {}", dir, e);
    }
  }

  @Override
  public String toString() {
    return dir.toString();
  }
}
