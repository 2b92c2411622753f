package io.skald.segment;

import io.skald.gocompat.Utf8;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The decoded footer: everything a reader needs to plan ranged reads.
 *
 * @param formatVersion format version of the object, e.g. {@link SegmentFormat#VERSION_1}
 * @param streams stream table, sorted by labels in code point order, labels unique
 */
public record SegmentFooter(int formatVersion, List<StreamInfo> streams) {

  public SegmentFooter {
    streams = List.copyOf(streams);
  }

  /** Looks a stream up by its exact labels string (binary search over the sorted table). */
  public Optional<StreamInfo> stream(String labels) {
    int i =
        Collections.binarySearch(
            streams,
            new StreamInfo(labels, 0, 0, 0, 0, List.of()),
            (a, b) -> Utf8.compare(a.labels(), b.labels()));
    return i >= 0 ? Optional.of(streams.get(i)) : Optional.empty();
  }

  /** Total entries across all streams. */
  public long entries() {
    long n = 0;
    for (StreamInfo s : streams) {
      n += s.entries();
    }
    return n;
  }
}
