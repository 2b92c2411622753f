package io.skald.bus;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads one topic as a member of a consumer group. Not thread-safe: one polling thread owns it;
 * only {@link #wakeup()} may be called from another thread.
 *
 * <p>Assignment is decided by the group: with Kafka, partitions are balanced over the group's
 * members; with the local log, the newest consumer of a group in the process owns all partitions
 * (an older one is revoked and regains them if the newer one closes). Either way a consumer learns
 * its assignment in {@link #poll}, so {@link #assignment()} is empty before the first poll with
 * Kafka.
 */
public interface BusConsumer extends AutoCloseable {

  /**
   * Records in offset order per partition, starting at the group's committed offset (earliest if
   * none; also earliest when the committed offset is no longer or not yet in the log, like Kafka's
   * auto.offset.reset=earliest). Returns early (possibly empty) on {@link #wakeup()} or when the
   * thread is interrupted (the interrupt flag stays set).
   */
  List<BusRecord> poll(Duration timeout);

  /**
   * Synchronously and durably commits, per partition, the NEXT offset to read. Throws {@link
   * BusCommitFailedException} when the partitions were reassigned to another member, and {@link
   * BusUnavailableException} when the commit could not be made durable in bounded time.
   */
  void commit(Map<Integer, Long> nextOffsets);

  /** Partitions currently owned by this consumer. */
  Set<Integer> assignment();

  /**
   * Called on the polling thread (inside {@link #poll}) with the partitions taken away, so the
   * caller can drop uncommitted buffers; the new owner resumes from the committed offsets. Not
   * called by {@link #close()}.
   */
  void onRevoked(Consumer<Set<Integer>> listener);

  /** Rewinds a partition to the group's committed offset (earliest if none). */
  void seekToCommitted(int partition);

  /** The next offset to be written in the partition (only durable records count). */
  long endOffset(int partition);

  /** Makes a blocked (or the next) {@link #poll} return early. Thread-safe. */
  void wakeup();

  @Override
  void close();
}
