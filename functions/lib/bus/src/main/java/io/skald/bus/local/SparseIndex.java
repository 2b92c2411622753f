package io.skald.bus.local;

import java.util.Arrays;

/**
 * Offset → file position entries every {@link #INTERVAL} bytes of one segment, so a seek reads at
 * most that much to find its record. One writer, many readers: the array is published before the
 * count that covers it. Entries pack (offset - base) and position into one long, both ascending.
 */
final class SparseIndex {

  static final int INTERVAL = 32 * 1024;

  private volatile long[] entries = new long[16];
  private volatile int count;
  private long lastPosition = -INTERVAL;

  /** Writer side: offer every record in order; keeps one entry per interval. */
  void add(long relativeOffset, long position) {
    if (position - lastPosition < INTERVAL) {
      return;
    }
    lastPosition = position;
    long[] array = entries;
    if (count == array.length) {
      array = Arrays.copyOf(array, array.length * 2);
      entries = array;
    }
    array[count] = relativeOffset << 32 | position;
    count = count + 1;
  }

  /** The last entry at or before {@code relativeOffset} as {relativeOffset, position}. */
  long[] floor(long relativeOffset) {
    int n = count;
    long[] array = entries;
    int lo = 0;
    int hi = n - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (array[mid] >>> 32 <= relativeOffset) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found < 0
        ? new long[] {0, 0}
        : new long[] {array[found] >>> 32, array[found] & 0xffffffffL};
  }
}
