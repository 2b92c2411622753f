package io.skald.bus.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaBusConfigTest {

  @Test
  void durabilitySettingsAreFixed() {
    KafkaBusConfig config =
        new KafkaBusConfig(
            "k:9092",
            Map.of(),
            (short) 3,
            Map.of("producer.linger.ms", "20", "security.protocol", "SSL"));
    Map<String, Object> producer = KafkaClientProperties.producer(config);
    assertThat(producer)
        .containsEntry("acks", "all")
        .containsEntry("enable.idempotence", true)
        .containsEntry("linger.ms", "20")
        .containsEntry("delivery.timeout.ms", 10_000)
        .containsEntry("max.block.ms", 10_000L)
        .containsEntry("security.protocol", "SSL");
    Map<String, Object> consumer = KafkaClientProperties.consumer(config, "chunker");
    assertThat(consumer)
        .containsEntry("enable.auto.commit", false)
        .containsEntry("auto.offset.reset", "earliest")
        .containsEntry("group.id", "chunker")
        .doesNotContainKey("linger.ms")
        .containsEntry("security.protocol", "SSL");
  }

  @Test
  void shortTimeoutsKeepKafkasTimeoutInvariant() {
    Map<String, Object> producer =
        KafkaClientProperties.producer(
            KafkaBusConfig.of("k:9092").withTimeout(Duration.ofSeconds(2)));
    int delivery = (int) producer.get("delivery.timeout.ms");
    int request = (int) producer.get("request.timeout.ms");
    assertThat((long) delivery).isGreaterThanOrEqualTo(request + KafkaBusConfig.LINGER_MS);
  }

  @Test
  void invalidValuesAreRejected() {
    assertThatThrownBy(() -> KafkaBusConfig.of(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new KafkaBusConfig("k:9092", Map.of(), (short) 0, Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new KafkaBusConfig("k:9092", Map.of(), (short) 1, Map.of("producer.acks", "1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new KafkaBusConfig(
                    "k:9092", Map.of(), (short) 1, Map.of("enable.auto.commit", "true")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KafkaBusConfig.of("k:9092").withTimeout(Duration.ofMillis(500)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
