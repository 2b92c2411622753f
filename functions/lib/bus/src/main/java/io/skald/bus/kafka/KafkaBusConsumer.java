package io.skald.bus.kafka;

import io.skald.bus.BusCommitFailedException;
import io.skald.bus.BusConsumer;
import io.skald.bus.BusRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;

/** A KafkaConsumer subscribed to one topic with manual, synchronous commits. */
final class KafkaBusConsumer implements BusConsumer {

  private final org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer;
  private final String topic;
  private final Duration timeout;
  private final List<Consumer<Set<Integer>>> revokeListeners = new ArrayList<>();
  private boolean closing;

  KafkaBusConsumer(
      org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer,
      String topic,
      Duration timeout) {
    this.consumer = consumer;
    this.topic = topic;
    this.timeout = timeout;
    consumer.subscribe(List.of(topic), new Rebalance());
  }

  @Override
  public List<BusRecord> poll(Duration pollTimeout) {
    try {
      List<BusRecord> out = new ArrayList<>();
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(pollTimeout)) {
        out.add(
            new BusRecord(r.topic(), r.partition(), r.offset(), r.key(), r.value(), r.timestamp()));
      }
      return out;
    } catch (WakeupException e) {
      return List.of();
    } catch (InterruptException e) {
      return List.of(); // Kafka has set the interrupt flag again
    }
  }

  @Override
  public void commit(Map<Integer, Long> nextOffsets) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    nextOffsets.forEach((p, o) -> offsets.put(tp(p), new OffsetAndMetadata(o)));
    try {
      commitSync(offsets);
    } catch (CommitFailedException | RebalanceInProgressException e) {
      throw new BusCommitFailedException("kafka: commit rejected, partitions were reassigned", e);
    } catch (RuntimeException e) {
      throw KafkaErrors.map(e, "commit");
    }
  }

  @Override
  public Set<Integer> assignment() {
    return consumer.assignment().stream()
        .map(TopicPartition::partition)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Override
  public void onRevoked(Consumer<Set<Integer>> listener) {
    revokeListeners.add(listener);
  }

  @Override
  public void seekToCommitted(int partition) {
    TopicPartition tp = tp(partition);
    if (!consumer.assignment().contains(tp)) {
      throw new IllegalStateException(
          "partition " + partition + " is not assigned to this consumer");
    }
    OffsetAndMetadata committed;
    try {
      committed = consumer.committed(Set.of(tp), timeout).get(tp);
    } catch (RuntimeException e) {
      throw KafkaErrors.map(e, "reading committed offset");
    }
    if (committed == null) {
      consumer.seekToBeginning(List.of(tp));
    } else {
      consumer.seek(tp, committed.offset());
    }
  }

  @Override
  public long endOffset(int partition) {
    TopicPartition tp = tp(partition);
    try {
      return consumer.endOffsets(List.of(tp), timeout).get(tp);
    } catch (RuntimeException e) {
      throw KafkaErrors.map(e, "reading end offset");
    }
  }

  @Override
  public void wakeup() {
    consumer.wakeup();
  }

  @Override
  public void close() {
    closing = true;
    consumer.close(CloseOptions.timeout(timeout));
  }

  /** A wakeup meant for poll must not cancel a commit: retry, then re-arm it for the next poll. */
  private void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
    boolean woken = false;
    while (true) {
      try {
        consumer.commitSync(offsets, timeout);
        break;
      } catch (WakeupException e) {
        woken = true;
      }
    }
    if (woken) {
      consumer.wakeup();
    }
  }

  private TopicPartition tp(int partition) {
    return new TopicPartition(topic, partition);
  }

  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      notifyRevoked(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      notifyRevoked(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      // assignment() reflects it; positions come from the committed offsets
    }

    private void notifyRevoked(Collection<TopicPartition> partitions) {
      if (closing || partitions.isEmpty()) {
        return;
      }
      Set<Integer> revoked =
          partitions.stream()
              .map(TopicPartition::partition)
              .collect(Collectors.toUnmodifiableSet());
      revokeListeners.forEach(l -> l.accept(revoked));
    }
  }
}
