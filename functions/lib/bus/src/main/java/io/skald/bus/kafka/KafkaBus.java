package io.skald.bus.kafka;

import io.skald.bus.Bus;
import io.skald.bus.BusConsumer;
import io.skald.bus.BusProducer;
import io.skald.bus.BusUnavailableException;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.Node;

/**
 * The bus on Apache Kafka: idempotent producer with acks=all (a future completes once all in-sync
 * replicas have the record), consumers with manual synchronous commits, topics created on first use
 * through the admin API.
 */
public final class KafkaBus implements Bus {

  private final KafkaBusConfig config;
  private final Admin admin;
  private final KafkaProducer<byte[], byte[]> kafkaProducer;
  private final ExecutorService completer;
  private final KafkaTopics topics;
  private final KafkaBusProducer producer;

  public KafkaBus(KafkaBusConfig config) {
    this.config = config;
    this.admin = Admin.create(KafkaClientProperties.admin(config));
    this.kafkaProducer = new KafkaProducer<>(KafkaClientProperties.producer(config));
    this.completer =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "skald-bus-kafka-complete");
              t.setDaemon(true);
              return t;
            });
    this.topics = new KafkaTopics(admin, config);
    this.producer = new KafkaBusProducer(kafkaProducer, topics, completer);
  }

  @Override
  public BusProducer producer() {
    return producer;
  }

  @Override
  public BusConsumer consumer(String group, String topic) {
    if (group == null || group.isBlank()) {
      throw new IllegalArgumentException("consumer group must not be blank");
    }
    topics.partitions(topic); // subscribe to an existing topic with the configured count
    return new KafkaBusConsumer(
        new KafkaConsumer<>(KafkaClientProperties.consumer(config, group)),
        topic,
        config.timeout());
  }

  @Override
  public int partitions(String topic) {
    return topics.partitions(topic);
  }

  @Override
  public void ping(Duration timeout) {
    int ms = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    try {
      // The admin call gives up first, so the failure carries Kafka's reason, not a bare timeout.
      Collection<Node> nodes =
          admin
              .describeCluster(new DescribeClusterOptions().timeoutMs(Math.max(1, ms * 3 / 4)))
              .nodes()
              .get(ms, TimeUnit.MILLISECONDS);
      if (nodes.isEmpty()) {
        throw new BusUnavailableException("kafka: the cluster has no live brokers");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BusUnavailableException("kafka: interrupted while describing the cluster", e);
    } catch (ExecutionException | TimeoutException e) {
      throw KafkaErrors.map(e, "describe cluster");
    }
  }

  public KafkaBusConfig config() {
    return config;
  }

  /** Waits up to the timeout for pending sends (their futures complete or fail), then closes. */
  @Override
  public void close() {
    kafkaProducer.close(config.timeout());
    admin.close(config.timeout());
    completer.shutdown();
    try {
      completer.awaitTermination(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
