package io.skald.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One stream's entry in the footer's stream table. Its blocks are in ascending time order and
 * stored back to back, so adjacent blocks can be fetched with one coalesced ranged read.
 *
 * @param labels canonical stream selector, e.g. {@code {app="api", env="prod"}}
 * @param minTimeNanos timestamp of the stream's first entry
 * @param maxTimeNanos timestamp of the stream's last entry
 * @param entries entries after de-duplication
 * @param rawBytes line plus structured metadata bytes after de-duplication
 * @param blocks the stream's blocks, ascending in time, never empty
 */
public record StreamInfo(
    String labels,
    long minTimeNanos,
    long maxTimeNanos,
    long entries,
    long rawBytes,
    List<BlockRef> blocks) {

  public StreamInfo {
    Objects.requireNonNull(labels, "labels");
    blocks = List.copyOf(blocks);
  }

  /** Whether any entry may fall in {@code [fromNanosInclusive, toNanosExclusive)}. */
  public boolean overlaps(long fromNanosInclusive, long toNanosExclusive) {
    return minTimeNanos < toNanosExclusive && maxTimeNanos >= fromNanosInclusive;
  }

  /** The blocks a query over {@code [fromNanosInclusive, toNanosExclusive)} has to read. */
  public List<BlockRef> blocksOverlapping(long fromNanosInclusive, long toNanosExclusive) {
    List<BlockRef> out = new ArrayList<>();
    for (BlockRef b : blocks) {
      if (b.overlaps(fromNanosInclusive, toNanosExclusive)) {
        out.add(b);
      }
    }
    return out;
  }
}
