package io.skald.bus;

import java.util.concurrent.CompletableFuture;

/** Thread-safe producer shared by all callers of one {@link Bus}. */
public interface BusProducer {

  /**
   * Appends a record. The partition is {@link KeyPartitioner#partition(byte[], int)} of the key,
   * identical in both adapters (Kafka's default partitioner); a null key spreads records
   * round-robin.
   *
   * <p>The future completes only once the record is durable (Kafka: acks=all with idempotence;
   * local log: fsync'd). It fails with {@link BusUnavailableException} when that cannot be reached
   * within the adapter's bounded timeout (broker down, disk full, bus closed). A failed future does
   * not prove absence: the record may still have been stored (at-least-once), which is why
   * consumers must be idempotent.
   */
  CompletableFuture<RecordPosition> send(String topic, byte[] key, byte[] value);
}
