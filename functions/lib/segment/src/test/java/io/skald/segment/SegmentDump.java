package io.skald.segment;

import io.skald.labels.Label;
import java.util.ArrayList;
import java.util.List;

/** Test helper: decodes a whole segment into plain rows for equality assertions. */
final class SegmentDump {
  record Row(String labels, long ts, String line, List<Label> metadata) {
    Row {
      metadata = List.copyOf(metadata);
    }
  }

  private SegmentDump() {}

  static List<Row> rows(byte[] segment) throws Exception {
    SegmentFooter footer = SegmentReader.readFooter(segment);
    List<Row> rows = new ArrayList<>();
    for (StreamInfo stream : footer.streams()) {
      for (BlockRef block : stream.blocks()) {
        BlockCursor c = SegmentReader.openBlock(RangeSource.of(segment), block);
        while (c.next()) {
          rows.add(
              new Row(stream.labels(), c.timestampNanos(), c.lineString(), c.structuredMetadata()));
        }
      }
    }
    return rows;
  }
}
