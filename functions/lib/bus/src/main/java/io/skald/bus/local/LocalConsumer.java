package io.skald.bus.local;

import io.skald.bus.BusConsumer;
import io.skald.bus.BusRecord;
import io.skald.bus.BusUnavailableException;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Consumer of the local log. Within one process the newest consumer of a group owns all of the
 * topic's partitions; an older one is revoked on its next poll and regains them when the newer one
 * closes. Several groups read the same topic independently.
 */
final class LocalConsumer implements BusConsumer {

  static final int MAX_POLL_RECORDS = 500;
  static final long MAX_POLL_BYTES = 8L << 20;
  static final long MAX_PARTITION_BYTES = 1L << 20;

  private final GroupState group;
  private final LocalTopic topic;
  private final BooleanSupplier busOpen;
  private final List<PartitionReader> readers = new ArrayList<>();
  private final Set<Integer> assignment = new TreeSet<>();
  private final List<Consumer<Set<Integer>>> revokeListeners = new ArrayList<>();
  private final AtomicBoolean wakeup = new AtomicBoolean();
  private int nextPartition;
  private boolean closed;

  LocalConsumer(GroupState group, BooleanSupplier busOpen) {
    this.group = group;
    this.topic = group.topic();
    this.busOpen = busOpen;
    for (int p = 0; p < topic.partitions().size(); p++) {
      readers.add(new PartitionReader(topic.name(), p, topic.partition(p)));
    }
    group.claim(this);
    syncOwnership();
  }

  @Override
  public List<BusRecord> poll(Duration timeout) {
    long deadline = System.nanoTime() + DataSignal.nanos(timeout);
    while (true) {
      checkOpen();
      long seen = topic.signal().version();
      if (wakeup.getAndSet(false)) {
        return List.of();
      }
      syncOwnership();
      List<BusRecord> records = readAvailable();
      long left = deadline - System.nanoTime();
      if (!records.isEmpty() || left <= 0 || Thread.currentThread().isInterrupted()) {
        return records;
      }
      try {
        topic.signal().await(seen, left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return List.of();
      }
    }
  }

  @Override
  public void commit(Map<Integer, Long> nextOffsets) {
    checkOpen();
    nextOffsets.forEach(
        (p, offset) -> {
          topic.partition(p);
          if (offset == null || offset < 0) {
            throw new IllegalArgumentException("offset for partition " + p + " must be >= 0");
          }
        });
    group.commit(this, nextOffsets);
  }

  @Override
  public Set<Integer> assignment() {
    return Collections.unmodifiableSet(new TreeSet<>(assignment));
  }

  @Override
  public void onRevoked(Consumer<Set<Integer>> listener) {
    revokeListeners.add(listener);
  }

  @Override
  public void seekToCommitted(int partition) {
    checkOpen();
    topic.partition(partition);
    if (!assignment.contains(partition)) {
      throw new IllegalStateException(
          "partition " + partition + " is not assigned to this consumer");
    }
    readers.get(partition).seek(group.committed(partition));
  }

  @Override
  public long endOffset(int partition) {
    return topic.partition(partition).tail().endOffset();
  }

  @Override
  public void wakeup() {
    wakeup.set(true);
    topic.signal().signalAll();
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      readers.forEach(PartitionReader::close);
      group.release(this);
    }
  }

  /** Takes the partitions when this consumer (again) owns the group, or reports a revocation. */
  private void syncOwnership() {
    boolean owner = group.owner() == this || group.claimIfFree(this);
    if (owner && assignment.isEmpty()) {
      for (int p = 0; p < readers.size(); p++) {
        readers.get(p).seek(group.committed(p));
        assignment.add(p);
      }
    } else if (!owner && !assignment.isEmpty()) {
      Set<Integer> revoked = Set.copyOf(assignment);
      assignment.clear();
      readers.forEach(PartitionReader::close);
      revokeListeners.forEach(l -> l.accept(revoked));
    }
  }

  /** Reads round-robin from a rotating first partition so none starves. */
  private List<BusRecord> readAvailable() {
    List<BusRecord> out = new ArrayList<>();
    int n = readers.size();
    long bytes = 0;
    for (int i = 0; i < n && out.size() < MAX_POLL_RECORDS && bytes < MAX_POLL_BYTES; i++) {
      int p = (nextPartition + i) % n;
      if (!assignment.contains(p)) {
        continue;
      }
      try {
        bytes +=
            readers
                .get(p)
                .read(out, MAX_POLL_RECORDS, Math.min(MAX_PARTITION_BYTES, MAX_POLL_BYTES - bytes));
      } catch (ClosedByInterruptException e) {
        readers.get(p).close(); // reopened by the next poll
        Thread.currentThread().interrupt();
        break;
      } catch (IOException e) {
        throw new BusUnavailableException("cannot read " + topic.name() + "-" + p, e);
      }
    }
    nextPartition = (nextPartition + 1) % n;
    return out;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("consumer is closed");
    }
    if (!busOpen.getAsBoolean()) {
      throw new IllegalStateException("bus is closed");
    }
  }
}
