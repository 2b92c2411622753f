package io.skald.bus.kafka;

import io.skald.bus.BusUnavailableException;
import io.skald.bus.TopicSpec;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates topics on first use with the configured partition count and caches each topic's actual
 * count (partitioning must use the real one), so sends to a known topic never touch the admin API.
 */
final class KafkaTopics {

  private final Admin admin;
  private final KafkaBusConfig config;
  private final ConcurrentHashMap<String, Integer> partitions = new ConcurrentHashMap<>();

  KafkaTopics(Admin admin, KafkaBusConfig config) {
    this.admin = admin;
    this.config = config;
  }

  int partitions(String topic) {
    TopicSpec.validateName(topic);
    Integer known = partitions.get(topic);
    return known != null ? known : partitions.computeIfAbsent(topic, this::describeOrCreate);
  }

  private int describeOrCreate(String topic) {
    int timeoutMs = (int) config.timeout().toMillis();
    try {
      try {
        return describe(topic, timeoutMs);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw e;
        }
      }
      int count = config.partitionsFor(topic);
      try {
        admin
            .createTopics(
                List.of(new NewTopic(topic, count, config.replicationFactor())),
                new CreateTopicsOptions().timeoutMs(timeoutMs))
            .all()
            .get(timeoutMs, TimeUnit.MILLISECONDS);
        return count;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
        return describe(topic, timeoutMs); // created concurrently by someone else
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BusUnavailableException("interrupted while resolving topic " + topic, e);
    } catch (Exception e) {
      throw KafkaErrors.map(e, "resolving topic " + topic);
    }
  }

  private int describe(String topic, int timeoutMs) throws Exception {
    return admin
        .describeTopics(List.of(topic), new DescribeTopicsOptions().timeoutMs(timeoutMs))
        .allTopicNames()
        .get(timeoutMs, TimeUnit.MILLISECONDS)
        .get(topic)
        .partitions()
        .size();
  }
}
