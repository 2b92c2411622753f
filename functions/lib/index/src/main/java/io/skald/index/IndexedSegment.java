package io.skald.index;

import io.skald.segment.StreamInfo;
import java.util.List;

/** One segment object as the index knows it: its key, size and stream table. */
public record IndexedSegment(String key, long size, List<StreamInfo> streams) {

  public IndexedSegment {
    streams = List.copyOf(streams);
  }

  public long minTimeNanos() {
    return streams.stream().mapToLong(StreamInfo::minTimeNanos).min().orElse(Long.MAX_VALUE);
  }

  public long maxTimeNanos() {
    return streams.stream().mapToLong(StreamInfo::maxTimeNanos).max().orElse(Long.MIN_VALUE);
  }
}
