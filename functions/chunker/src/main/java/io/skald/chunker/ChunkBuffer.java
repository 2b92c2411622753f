package io.skald.chunker;

import io.skald.events.v1.LabelPair;
import io.skald.events.v1.LogBatch;
import io.skald.events.v1.LogEntry;
import io.skald.labels.Label;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything consumed since the last flush: one pending segment per partition, tenant and UTC day,
 * and per partition the next offset to commit once those segments are written.
 */
final class ChunkBuffer {

  private record SegmentId(int partition, String tenant, LocalDate day) {}

  private final int zstdLevel;
  private final Map<SegmentId, PendingSegment> segments = new LinkedHashMap<>();
  private final Map<Integer, Long> nextOffsets = new HashMap<>();
  private long rawBytes;
  private long oldestNanos = -1;

  ChunkBuffer(int zstdLevel) {
    this.zstdLevel = zstdLevel;
  }

  void add(int partition, long offset, LogBatch batch, long nowNanos) {
    for (LogEntry e : batch.getEntries()) {
      LocalDate day = dayOf(e.getTimestampNanos());
      SegmentId id = new SegmentId(partition, batch.getTenant(), day);
      PendingSegment seg =
          segments.computeIfAbsent(
              id, k -> new PendingSegment(k.tenant(), k.day(), partition, offset, zstdLevel));
      byte[] line = e.getLine().getBytes(StandardCharsets.UTF_8);
      seg.writer.append(batch.getLabels(), e.getTimestampNanos(), line, metadata(e));
      rawBytes += line.length;
    }
    markConsumed(partition, offset, nowNanos);
  }

  /**
   * A record that carried nothing to store (or went to the dead-letter topic) still moves the
   * offset.
   */
  void markConsumed(int partition, long offset, long nowNanos) {
    nextOffsets.put(partition, offset + 1);
    if (oldestNanos < 0) {
      oldestNanos = nowNanos;
    }
  }

  boolean isEmpty() {
    return nextOffsets.isEmpty();
  }

  long rawBytes() {
    return rawBytes;
  }

  /** Monotonic time of the first record since the last flush, or -1 when empty. */
  long oldestNanos() {
    return oldestNanos;
  }

  Collection<PendingSegment> segments() {
    return segments.values();
  }

  Map<Integer, Long> nextOffsets() {
    return Map.copyOf(nextOffsets);
  }

  /**
   * Forget partitions this instance no longer owns; their records will be replayed by the new
   * owner.
   */
  void drop(Set<Integer> partitions) {
    segments.keySet().removeIf(id -> partitions.contains(id.partition()));
    nextOffsets.keySet().removeAll(partitions);
    if (nextOffsets.isEmpty()) {
      clear();
    }
  }

  void clear() {
    segments.clear();
    nextOffsets.clear();
    rawBytes = 0;
    oldestNanos = -1;
  }

  private static List<Label> metadata(LogEntry e) {
    List<LabelPair> pairs = e.getStructuredMetadata();
    if (pairs.isEmpty()) {
      return List.of();
    }
    List<Label> out = new ArrayList<>(pairs.size());
    for (LabelPair p : pairs) {
      out.add(new Label(p.getName(), p.getValue()));
    }
    return out;
  }

  static LocalDate dayOf(long nanos) {
    return LocalDate.ofInstant(
        Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L)), ZoneOffset.UTC);
  }
}
