package io.skald.bus.kafka;

import io.skald.bus.Bus;
import io.skald.bus.BusContractTest;
import io.skald.harness.SharedServers;
import java.time.Duration;
import java.util.Map;

/** The contract against a real Kafka broker (shared per JVM, isolated by unique names). */
class KafkaBusContractTest extends BusContractTest {

  @Override
  protected Bus openBus(Map<String, Integer> topicPartitions) {
    return new KafkaBus(
        new KafkaBusConfig(
            SharedServers.kafka().bootstrapServers(),
            4,
            topicPartitions,
            (short) 1,
            Duration.ofSeconds(10),
            Map.of()));
  }
}
