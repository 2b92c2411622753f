package io.skald.bus.kafka;

import io.skald.bus.BusProducer;
import io.skald.bus.KeyPartitioner;
import io.skald.bus.RecordPosition;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends with an explicit partition computed by {@link KeyPartitioner} from the topic's real
 * partition count, so placement matches the local log. Futures complete on {@code completer}, never
 * on the producer's I/O thread, so slow callbacks cannot delay other deliveries.
 */
final class KafkaBusProducer implements BusProducer {

  private final Producer<byte[], byte[]> producer;
  private final KafkaTopics topics;
  private final Executor completer;
  private final KeyPartitioner partitioner = new KeyPartitioner();

  KafkaBusProducer(Producer<byte[], byte[]> producer, KafkaTopics topics, Executor completer) {
    this.producer = producer;
    this.topics = topics;
    this.completer = completer;
  }

  @Override
  public CompletableFuture<RecordPosition> send(String topic, byte[] key, byte[] value) {
    Objects.requireNonNull(value, "value");
    CompletableFuture<RecordPosition> future = new CompletableFuture<>();
    try {
      int partition = partitioner.partitionFor(key, topics.partitions(topic));
      producer.send(
          new ProducerRecord<>(topic, partition, key, value),
          (metadata, error) ->
              completer.execute(
                  () -> {
                    if (error == null) {
                      future.complete(
                          new RecordPosition(
                              metadata.topic(), metadata.partition(), metadata.offset()));
                    } else {
                      future.completeExceptionally(KafkaErrors.map(error, "send to " + topic));
                    }
                  }));
    } catch (RuntimeException e) {
      future.completeExceptionally(KafkaErrors.map(e, "send to " + topic));
    }
    return future;
  }
}
