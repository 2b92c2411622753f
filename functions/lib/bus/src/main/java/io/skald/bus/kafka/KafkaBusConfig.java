package io.skald.bus.kafka;

import io.skald.bus.TopicSpec;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Configuration of the Kafka adapter.
 *
 * @param bootstrapServers Kafka bootstrap servers, e.g. {@code kafka:9092}
 * @param defaultPartitions partition count of topics the bus creates and that are not named in
 *     {@code topicPartitions}
 * @param topicPartitions partition count per topic when the bus creates it (an existing topic keeps
 *     its count)
 * @param replicationFactor replication factor of topics the bus creates
 * @param timeout bound for a send to become durable (delivery.timeout.ms, also max.block.ms) and
 *     for admin, commit and offset look-ups; past it callers get BusUnavailableException
 * @param extraProperties further client properties: a key prefixed {@code producer.}, {@code
 *     consumer.} or {@code admin.} applies to that client only, others to all (e.g. security
 *     settings). The durability settings the bus relies on cannot be overridden.
 */
public record KafkaBusConfig(
    String bootstrapServers,
    int defaultPartitions,
    Map<String, Integer> topicPartitions,
    short replicationFactor,
    Duration timeout,
    Map<String, String> extraProperties) {

  public static final int DEFAULT_PARTITIONS = 4;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  static final long LINGER_MS = 5;

  /** Settings behind "acknowledged means durable" and "commit only after processing". */
  static final Set<String> FIXED =
      Set.of(
          "acks",
          "enable.idempotence",
          "enable.auto.commit",
          "key.serializer",
          "value.serializer",
          "key.deserializer",
          "value.deserializer",
          "group.id");

  public KafkaBusConfig {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("bootstrapServers must not be blank");
    }
    TopicSpec.validatePartitions(defaultPartitions, "defaultPartitions");
    topicPartitions = Map.copyOf(Objects.requireNonNull(topicPartitions, "topicPartitions"));
    topicPartitions.forEach(TopicSpec::new);
    if (replicationFactor < 1) {
      throw new IllegalArgumentException(
          "replicationFactor must be >= 1, got " + replicationFactor);
    }
    if (timeout == null || timeout.toMillis() < 1000 + LINGER_MS) {
      throw new IllegalArgumentException("timeout must be at least 1005 ms, got " + timeout);
    }
    extraProperties = Map.copyOf(Objects.requireNonNull(extraProperties, "extraProperties"));
    for (String key : extraProperties.keySet()) {
      if (FIXED.contains(key.replaceFirst("^(producer|consumer|admin)\\.", ""))) {
        throw new IllegalArgumentException("property " + key + " is fixed by the bus");
      }
    }
  }

  public KafkaBusConfig(
      String bootstrapServers,
      Map<String, Integer> topicPartitions,
      short replicationFactor,
      Map<String, String> extraProperties) {
    this(
        bootstrapServers,
        DEFAULT_PARTITIONS,
        topicPartitions,
        replicationFactor,
        DEFAULT_TIMEOUT,
        extraProperties);
  }

  public static KafkaBusConfig of(String bootstrapServers) {
    return new KafkaBusConfig(bootstrapServers, Map.of(), (short) 1, Map.of());
  }

  public KafkaBusConfig withTimeout(Duration newTimeout) {
    return new KafkaBusConfig(
        bootstrapServers,
        defaultPartitions,
        topicPartitions,
        replicationFactor,
        newTimeout,
        extraProperties);
  }

  public KafkaBusConfig withPartitions(int defaults, Map<String, Integer> perTopic) {
    return new KafkaBusConfig(
        bootstrapServers, defaults, perTopic, replicationFactor, timeout, extraProperties);
  }

  /** Partition count a new topic gets. */
  public int partitionsFor(String topic) {
    return topicPartitions.getOrDefault(topic, defaultPartitions);
  }
}
