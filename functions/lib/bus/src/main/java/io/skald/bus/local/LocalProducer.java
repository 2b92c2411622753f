package io.skald.bus.local;

import io.skald.bus.BusProducer;
import io.skald.bus.KeyPartitioner;
import io.skald.bus.RecordPosition;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Validates and partitions records, then hands them to the group commit writer. */
final class LocalProducer implements BusProducer {

  private final Function<String, LocalTopic> topics;
  private final GroupCommitWriter writer;
  private final long maxRecordBytes;
  private final KeyPartitioner partitioner = new KeyPartitioner();

  LocalProducer(
      Function<String, LocalTopic> topics, GroupCommitWriter writer, long maxRecordBytes) {
    this.topics = topics;
    this.writer = writer;
    this.maxRecordBytes = maxRecordBytes;
  }

  @Override
  public CompletableFuture<RecordPosition> send(String topic, byte[] key, byte[] value) {
    Objects.requireNonNull(value, "value");
    long size = (key == null ? 0L : key.length) + value.length;
    if (size > maxRecordBytes) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException(
              "record of " + size + " bytes exceeds the maximum of " + maxRecordBytes));
    }
    LocalTopic t;
    try {
      t = topics.apply(topic);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return writer.submit(t, partitioner.partitionFor(key, t.partitions().size()), key, value);
  }
}
