package io.skald.bus.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One append-only file of a partition, named by the offset of its first record. The active (last)
 * segment is indexed as it is written; a sealed segment found at open is indexed lazily on its
 * first seek, so opening a large log does not read it all.
 */
final class Segment {

  private static final Logger LOG = LoggerFactory.getLogger(Segment.class);
  private static final Pattern NAME = Pattern.compile("\\d{20}\\.log");

  private final Path path;
  private final long baseOffset;
  private final SparseIndex index = new SparseIndex();
  private volatile boolean indexed;
  private volatile long sealedSize = -1;

  Segment(Path path, long baseOffset, boolean indexed) {
    this.path = path;
    this.baseOffset = baseOffset;
    this.indexed = indexed;
  }

  static Path path(Path dir, long baseOffset) {
    return dir.resolve(String.format("%020d.log", baseOffset));
  }

  static boolean isSegmentFile(Path file) {
    return NAME.matcher(file.getFileName().toString()).matches();
  }

  static long baseOffsetOf(Path file) {
    String name = file.getFileName().toString();
    return Long.parseLong(name.substring(0, name.length() - 4));
  }

  Path path() {
    return path;
  }

  long baseOffset() {
    return baseOffset;
  }

  /** Final size once the next segment exists, -1 while this one is active. */
  long sealedSize() {
    return sealedSize;
  }

  void seal(long size) {
    sealedSize = size;
  }

  /** Writer side: records every frame so the sparse index stays complete. */
  void indexed(long offset, long position) {
    index.add(offset - baseOffset, position);
  }

  /** {offset, position} of an indexed frame at or before {@code offset}. */
  long[] lookup(long offset) throws IOException {
    if (!indexed) {
      buildIndex();
    }
    long[] entry = index.floor(offset - baseOffset);
    entry[0] += baseOffset;
    return entry;
  }

  /**
   * Reads every frame of the file up to {@code limit} with CRC and offset checks, feeding the
   * index. Returns {endPosition, nextOffset} of the last intact frame.
   */
  long[] scan(FileChannel channel, long limit) throws IOException {
    FrameCursor cursor = new FrameCursor(1 << 20);
    cursor.reset(channel, 0);
    long offset = baseOffset;
    int size;
    while ((size = cursor.next(limit, offset)) > 0) {
      index.add(offset - baseOffset, cursor.position());
      cursor.advance(size);
      offset++;
    }
    return new long[] {cursor.position(), offset};
  }

  private synchronized void buildIndex() throws IOException {
    if (indexed) {
      return;
    }
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = sealedSize >= 0 ? sealedSize : channel.size();
      long[] end = scan(channel, size);
      if (end[0] < size) {
        LOG.error(
            "sealed segment {} is corrupt after byte {} (offset {}); readers skip the rest",
            path,
            end[0],
            end[1]);
      }
    }
    indexed = true;
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
