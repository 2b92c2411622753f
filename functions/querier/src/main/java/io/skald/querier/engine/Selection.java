package io.skald.querier.engine;

import io.skald.querier.params.TimeRange;
import io.skald.segment.BlockRef;
import java.util.List;
import java.util.SortedMap;

/**
 * What a query reads, chosen from the tenant-day indexes alone: the streams whose labels match and
 * whose time span overlaps the range, each with its parts (one per segment object holding it) and
 * the blocks of each part that overlap the range. Nothing has been fetched yet.
 *
 * @param range the query's time range, {@code start <= ts < end}
 * @param streams the matching streams, in the order the indexes first list them
 * @param segments how many distinct segment objects the streams' parts are in
 */
public record Selection(TimeRange range, List<Stream> streams, int segments) {

  public Selection {
    streams = List.copyOf(streams);
  }

  /** One stream with its parts, in index order. */
  public record Stream(SortedMap<String, String> labels, List<Part> parts) {
    public Stream {
      parts = List.copyOf(parts);
    }
  }

  /** One stream inside one segment object, with its blocks that overlap the range (maybe none). */
  public record Part(String segmentKey, List<BlockRef> blocks) {
    public Part {
      blocks = List.copyOf(blocks);
    }
  }

  /** Whether {@code ts} lies in the range. */
  public boolean inRange(long ts) {
    return ts >= range.startNanos() && ts < range.endNanos();
  }
}
