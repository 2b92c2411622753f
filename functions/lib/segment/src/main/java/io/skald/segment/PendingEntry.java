package io.skald.segment;

import io.skald.labels.Label;
import java.util.Arrays;
import java.util.List;

/**
 * One appended entry held by the writer until {@link SegmentWriter#finish()}. Equality is the
 * content (timestamp, line bytes, metadata in order), which is exactly the duplicate rule.
 */
final class PendingEntry {
  final long timestampNanos;
  final byte[] line;
  final List<Label> metadata;
  final int rawBytes;

  PendingEntry(long timestampNanos, byte[] line, List<Label> metadata, int rawBytes) {
    this.timestampNanos = timestampNanos;
    this.line = line;
    this.metadata = metadata;
    this.rawBytes = rawBytes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PendingEntry other
        && timestampNanos == other.timestampNanos
        && Arrays.equals(line, other.line)
        && metadata.equals(other.metadata);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(line) + metadata.hashCode();
  }
}
