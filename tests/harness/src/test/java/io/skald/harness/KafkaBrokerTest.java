package io.skald.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

  private static KafkaBroker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    long t0 = System.nanoTime();
    broker = KafkaBroker.start();
    System.out.printf("KafkaBroker.start() took %d ms%n", (System.nanoTime() - t0) / 1_000_000);
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
    assertThat(broker.isRunning()).isFalse();
  }

  @Test
  void acknowledgedRecordSurvivesKillAndRestart() throws Exception {
    String topic = "harness-" + UUID.randomUUID();
    assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");

    produce(topic, "before-kill");
    broker.kill();
    assertThat(broker.isRunning()).isFalse();

    long t0 = System.nanoTime();
    broker.restart();
    System.out.printf(
        "KafkaBroker.restart() after kill -9 took %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    produce(topic, "after-restart");

    assertThat(consumeValues(topic, 2)).containsExactly("before-kill", "after-restart");
  }

  @Test
  void gracefulStopAndRestartKeepsServing() throws Exception {
    String topic = "harness-" + UUID.randomUUID();
    produce(topic, "one");
    broker.stop();
    assertThat(broker.isRunning()).isFalse();
    broker.restart();
    assertThat(consumeValues(topic, 1)).containsExactly("one");
  }

  private void produce(String topic, String value) throws Exception {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      producer.send(new ProducerRecord<>(topic, "k", value)).get();
    }
  }

  private List<String> consumeValues(String topic, int expected) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "harness-test-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class);
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                  values.add(r.value());
                }
                return values.size() >= expected;
              });
    }
    return values;
  }
}
