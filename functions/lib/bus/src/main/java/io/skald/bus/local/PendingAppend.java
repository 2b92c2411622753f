package io.skald.bus.local;

import io.skald.bus.RecordPosition;
import java.util.concurrent.CompletableFuture;

/** A record waiting for the writer thread, and what happened to it. */
final class PendingAppend {

  final LocalTopic topic;
  final int partition;
  final byte[] key;
  final byte[] value;
  final long timestamp;
  final long enqueuedNanos;
  final int permits;
  final CompletableFuture<RecordPosition> future = new CompletableFuture<>();

  /** Set by the writer thread once appended. */
  long offset = -1;

  PendingAppend(LocalTopic topic, int partition, byte[] key, byte[] value, int permits) {
    this.topic = topic;
    this.partition = partition;
    this.key = key;
    this.value = value;
    this.timestamp = System.currentTimeMillis();
    this.enqueuedNanos = System.nanoTime();
    this.permits = permits;
  }

  PartitionLog log() {
    return topic.partitions().get(partition);
  }
}
