package io.skald.segment;

import io.skald.gocompat.Utf8;
import io.skald.labels.Label;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One log entry of a stream, owning its line bytes. Equality is the content (timestamp, line bytes,
 * structured metadata in order), which is exactly the duplicate rule of {@link ExactDuplicates}.
 *
 * @param timestampNanos the entry's time
 * @param line the line bytes; not copied, so do not modify them afterwards
 * @param metadata structured metadata in stored order, empty when none
 */
public record StoredEntry(long timestampNanos, byte[] line, List<Label> metadata) {

  public StoredEntry {
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(metadata, "metadata (use List.of())");
  }

  /** A copy of the entry the cursor is on, valid after the cursor moves or its block is reused. */
  public static StoredEntry copyOf(BlockCursor cursor) {
    return new StoredEntry(
        cursor.timestampNanos(), cursor.lineBytes(), cursor.structuredMetadata());
  }

  /** Line plus metadata name and value bytes, as blocks and streams count them. */
  static long rawBytes(int lineLength, List<Label> metadata) {
    long size = lineLength;
    for (Label label : metadata) {
      size += Utf8.jdkEncodedLength(label.name()) + Utf8.jdkEncodedLength(label.value());
    }
    return size;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoredEntry e
        && e.timestampNanos == timestampNanos
        && Arrays.equals(e.line, line)
        && e.metadata.equals(metadata);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Long.hashCode(timestampNanos) + Arrays.hashCode(line)) + metadata.hashCode();
  }

  @Override
  public String toString() {
    return "StoredEntry[" + timestampNanos + ", " + line.length + " bytes, " + metadata + "]";
  }
}
