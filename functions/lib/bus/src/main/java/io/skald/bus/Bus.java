package io.skald.bus;

import java.time.Duration;

/**
 * The event-bus port: Kafka semantics (topics, partitions, offsets, keyed partitioning, consumer
 * groups with committed offsets) over opaque byte[] records. Two adapters implement it: {@code
 * KafkaBus} (distributed) and {@code LocalLogBus} (embedded default, one process).
 *
 * <p>Topics are created on first use ({@link #producer()} send, {@link #consumer}, or {@link
 * #partitions}) with the configured partition count; an existing topic keeps its count.
 */
public interface Bus extends AutoCloseable {

  /** Thread-safe and shared; futures complete only once the record is durable. */
  BusProducer producer();

  /**
   * A consumer of {@code topic} in consumer group {@code group}. Use one consumer per thread (like
   * KafkaConsumer; only {@link BusConsumer#wakeup()} may be called from other threads).
   */
  BusConsumer consumer(String group, String topic);

  /** The partition count of {@code topic}, creating the topic if it does not exist yet. */
  int partitions(String topic);

  /**
   * Returns when the bus can serve producers and consumers now, else throws {@link
   * BusUnavailableException} with the reason, within about {@code timeout}: for Kafka a broker must
   * describe the cluster, the local log must be open with its writer running. Cheap enough for
   * readiness probes.
   */
  void ping(Duration timeout);

  /** The topic's name and partition count, creating the topic if it does not exist yet. */
  default TopicSpec topic(String topic) {
    return new TopicSpec(topic, partitions(topic));
  }

  /**
   * Completes or fails every pending send, then releases resources. Consumers are owned by their
   * polling threads and must be closed by them.
   */
  @Override
  void close();
}
