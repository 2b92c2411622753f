package io.skald.bus.local;

import io.skald.bus.TopicSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Configuration of the embedded bus.
 *
 * @param dir data directory (e.g. ./data/bus), locked by one process at a time
 * @param defaultPartitions partition count of topics not named in {@code topicPartitions}
 * @param topicPartitions partition count per topic; applied only when a topic is created (the count
 *     is persisted, so a later change here does not repartition existing data)
 * @param segmentBytes size at which a partition's active segment file is rolled
 * @param sendTimeout bound on how long a send may wait to become durable before its future fails
 *     with BusUnavailableException (also bounds blocking when the producer buffer is full)
 * @param retention sealed segments whose newest write is older than this are deleted (checked at
 *     open and on roll); {@link #KEEP_FOREVER} disables retention
 */
public record LocalLogConfig(
    Path dir,
    int defaultPartitions,
    Map<String, Integer> topicPartitions,
    long segmentBytes,
    Duration sendTimeout,
    Duration retention) {

  public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;
  public static final int DEFAULT_PARTITIONS = 4;
  public static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(10);

  /** Kafka's default log.retention.hours=168. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

  public static final Duration KEEP_FOREVER = Duration.ofMillis(Long.MAX_VALUE);
  static final long MIN_SEGMENT_BYTES = 1024;

  /** Keeps file positions in an int (sparse index packing) with room for one oversized record. */
  static final long MAX_SEGMENT_BYTES = 1L << 30;

  public LocalLogConfig {
    Objects.requireNonNull(dir, "dir");
    TopicSpec.validatePartitions(defaultPartitions, "defaultPartitions");
    topicPartitions = Map.copyOf(Objects.requireNonNull(topicPartitions, "topicPartitions"));
    topicPartitions.forEach(TopicSpec::new);
    if (segmentBytes < MIN_SEGMENT_BYTES || segmentBytes > MAX_SEGMENT_BYTES) {
      throw new IllegalArgumentException(
          "segmentBytes must be "
              + MIN_SEGMENT_BYTES
              + ".."
              + MAX_SEGMENT_BYTES
              + ", got "
              + segmentBytes);
    }
    requirePositive(sendTimeout, "sendTimeout");
    requirePositive(retention, "retention");
  }

  public LocalLogConfig(
      Path dir, int defaultPartitions, Map<String, Integer> topicPartitions, long segmentBytes) {
    this(
        dir,
        defaultPartitions,
        topicPartitions,
        segmentBytes,
        DEFAULT_SEND_TIMEOUT,
        DEFAULT_RETENTION);
  }

  public static LocalLogConfig defaults(Path dir) {
    return new LocalLogConfig(dir, DEFAULT_PARTITIONS, Map.of(), DEFAULT_SEGMENT_BYTES);
  }

  public LocalLogConfig withSendTimeout(Duration timeout) {
    return new LocalLogConfig(
        dir, defaultPartitions, topicPartitions, segmentBytes, timeout, retention);
  }

  public LocalLogConfig withRetention(Duration keep) {
    return new LocalLogConfig(
        dir, defaultPartitions, topicPartitions, segmentBytes, sendTimeout, keep);
  }

  /** Partition count a new topic gets. */
  public int partitionsFor(String topic) {
    return topicPartitions.getOrDefault(topic, defaultPartitions);
  }

  /** The largest record (key + value) accepted: one record must fit in a segment. */
  public long maxRecordBytes() {
    return segmentBytes - FrameCodec.OVERHEAD;
  }

  private static void requirePositive(Duration d, String name) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
  }
}
