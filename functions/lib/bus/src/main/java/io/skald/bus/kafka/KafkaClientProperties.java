package io.skald.bus.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Client properties derived from {@link KafkaBusConfig}; fixed settings are applied last. */
final class KafkaClientProperties {

  private KafkaClientProperties() {}

  static Map<String, Object> producer(KafkaBusConfig config) {
    long timeout = config.timeout().toMillis();
    Map<String, Object> p = base(config, "producer.");
    p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, KafkaBusConfig.LINGER_MS);
    // Kafka requires delivery.timeout >= linger + request.timeout.
    p.put(
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
        (int) Math.min(30_000, timeout - KafkaBusConfig.LINGER_MS));
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout);
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // One request in flight per broker: with several, a retried first batch of a new partition
    // could arrive after later batches were appended, and the broker refuses it for good
    // (OutOfOrderSequenceException) until the send times out. Overridable (producer.*).
    p.putIfAbsent(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return p;
  }

  static Map<String, Object> consumer(KafkaBusConfig config, String group) {
    Map<String, Object> p = base(config, "consumer.");
    p.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // Topics are created by the bus with the configured count, never implicitly by a fetch.
    p.putIfAbsent(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    p.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) config.timeout().toMillis());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return p;
  }

  static Map<String, Object> admin(KafkaBusConfig config) {
    Map<String, Object> p = base(config, "admin.");
    p.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) config.timeout().toMillis());
    p.putIfAbsent(
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) config.timeout().toMillis());
    return p;
  }

  private static Map<String, Object> base(KafkaBusConfig config, String prefix) {
    Map<String, Object> p = new HashMap<>();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    config
        .extraProperties()
        .forEach(
            (k, v) -> {
              if (k.startsWith(prefix)) {
                p.put(k.substring(prefix.length()), v);
              } else if (!k.matches("^(producer|consumer|admin)\\..*")) {
                p.putIfAbsent(k, v);
              }
            });
    return p;
  }
}
