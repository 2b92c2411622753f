package io.skald.chunker;

import io.skald.segment.SegmentWriter;
import java.time.LocalDate;

/** The entries of one tenant and day from one partition, collected since the last flush. */
final class PendingSegment {

  final String tenant;
  final LocalDate day;
  final int partition;

  /** Bus offset of the first record that contributed; part of the deterministic object key. */
  final long firstOffset;

  final SegmentWriter writer;

  PendingSegment(String tenant, LocalDate day, int partition, long firstOffset, int zstdLevel) {
    this.tenant = tenant;
    this.day = day;
    this.partition = partition;
    this.firstOffset = firstOffset;
    this.writer = new SegmentWriter(256 * 1024, zstdLevel);
  }

  private byte[] bytes;

  /** The encoded segment; encoded once, so a retried write sends identical bytes. */
  byte[] bytes() {
    if (bytes == null) {
      bytes = writer.finish();
    }
    return bytes;
  }
}
