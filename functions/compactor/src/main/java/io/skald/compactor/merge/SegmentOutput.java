package io.skald.compactor.merge;

import io.skald.index.IndexedSegment;
import io.skald.segment.StreamInfo;
import java.util.List;

/** A segment the compactor is about to write: its key, bytes and the footer's stream table. */
public record SegmentOutput(String key, byte[] bytes, List<StreamInfo> streams) {

  public SegmentOutput {
    streams = List.copyOf(streams);
  }

  public IndexedSegment indexed() {
    return new IndexedSegment(key, bytes.length, streams);
  }
}
