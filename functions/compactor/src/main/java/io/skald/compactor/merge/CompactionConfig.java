package io.skald.compactor.merge;

import java.time.Duration;
import java.util.Objects;

/**
 * Compaction thresholds. {@link #defaults()} gives the documented defaults.
 *
 * @param minSegmentsToCompact a group is merged only when it has at least this many segments
 * @param smallSegmentBytes segments smaller than this (stored bytes) are merge candidates
 * @param targetObjectBytes a group's stored bytes stay at or below this
 * @param retentionDeleteDelay replaced objects are deleted this long after they leave the index, so
 *     readers holding an older index copy can finish (Loki's {@code retention_delete_delay})
 * @param maxMergeRawBytes a group's uncompressed bytes stay at or below this, and an output is cut
 *     when it reaches it; bounds memory because the segment writer buffers a whole object
 * @param blockTargetBytes block target of the segments written
 * @param zstdLevel zstd level of the segments written
 */
public record CompactionConfig(
    int minSegmentsToCompact,
    long smallSegmentBytes,
    long targetObjectBytes,
    Duration retentionDeleteDelay,
    long maxMergeRawBytes,
    int blockTargetBytes,
    int zstdLevel) {

  public static final int DEFAULT_MIN_SEGMENTS = 4;
  public static final long DEFAULT_SMALL_SEGMENT_BYTES = 8L << 20;
  public static final long DEFAULT_TARGET_OBJECT_BYTES = 128L << 20;
  public static final Duration DEFAULT_RETENTION_DELETE_DELAY = Duration.ofHours(2);
  public static final long DEFAULT_MAX_MERGE_RAW_BYTES = 256L << 20;
  public static final int DEFAULT_BLOCK_TARGET_BYTES = 256 << 10;
  public static final int DEFAULT_ZSTD_LEVEL = 3;

  public CompactionConfig {
    Objects.requireNonNull(retentionDeleteDelay, "retentionDeleteDelay");
    require(minSegmentsToCompact >= 2, "minSegmentsToCompact must be >= 2");
    require(smallSegmentBytes > 0, "smallSegmentBytes must be > 0");
    require(
        targetObjectBytes >= smallSegmentBytes, "targetObjectBytes must be >= smallSegmentBytes");
    require(!retentionDeleteDelay.isNegative(), "retentionDeleteDelay must not be negative");
    require(
        maxMergeRawBytes > 0 && maxMergeRawBytes < (1L << 30),
        "maxMergeRawBytes must be > 0 and < 1 GiB");
    require(
        blockTargetBytes > 0 && blockTargetBytes <= (64 << 20),
        "blockTargetBytes must be in 1..64 MiB");
    require(zstdLevel >= -7 && zstdLevel <= 22, "zstdLevel must be in -7..22");
  }

  public static CompactionConfig defaults() {
    return new CompactionConfig(
        DEFAULT_MIN_SEGMENTS,
        DEFAULT_SMALL_SEGMENT_BYTES,
        DEFAULT_TARGET_OBJECT_BYTES,
        DEFAULT_RETENTION_DELETE_DELAY,
        DEFAULT_MAX_MERGE_RAW_BYTES,
        DEFAULT_BLOCK_TARGET_BYTES,
        DEFAULT_ZSTD_LEVEL);
  }

  public CompactionConfig withRetentionDeleteDelay(Duration delay) {
    return new CompactionConfig(
        minSegmentsToCompact,
        smallSegmentBytes,
        targetObjectBytes,
        delay,
        maxMergeRawBytes,
        blockTargetBytes,
        zstdLevel);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
