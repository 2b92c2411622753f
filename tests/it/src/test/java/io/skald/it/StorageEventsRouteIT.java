package io.skald.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.skald.harness.KafkaBroker;
import io.skald.harness.SharedServers;
import io.skald.it.LokiPushes.Line;
import io.skald.schemas.Topics;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The storage-events route in the real application on a real Kafka broker: the chunker does not
 * announce its segments ({@code chunker.publish-object-events=false}); the test plays MinIO and
 * publishes S3 bucket notifications for them, and the lines become queryable only through the route
 * (notification → ObjectCreated → compactor). What the route cannot use lands on the dead-letter
 * topic with its reason.
 */
class StorageEventsRouteIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final long NOW = System.currentTimeMillis() * 1_000_000L;

  private static SkaldProcess skald;
  private static KafkaBroker kafka;
  private static Path segments;
  private static String sourceTopic;
  private static String deadLetterTopic;

  @BeforeAll
  static void start() throws Exception {
    kafka = SharedServers.kafka();
    String run = Long.toHexString(System.nanoTime());
    sourceTopic = Topics.STORAGE_EVENTS_S3 + "." + run;
    deadLetterTopic = Topics.STORAGE_EVENTS_DLQ + "." + run;
    Map<String, String> options = new LinkedHashMap<>();
    options.put("bus.kind", "kafka");
    options.put("bus.kafka-bootstrap-servers", kafka.bootstrapServers());
    // Unique topics and groups: the broker is shared with other test classes.
    options.put("ingest.topic", Topics.LOGS_PUSH + "." + run);
    options.put("chunker.topic", Topics.LOGS_PUSH + "." + run);
    options.put("chunker.consumer-group", "chunker-" + run);
    options.put("chunker.publish-object-events", "false");
    options.put("chunker.storage-events-topic", Topics.STORAGE_EVENTS + "." + run);
    options.put("compactor.storage-events-topic", Topics.STORAGE_EVENTS + "." + run);
    options.put("compactor.consumer-group", "compactor-" + run);
    options.put("compactor.dead-letter-topic", deadLetterTopic);
    options.put("storage-events.enabled", "true");
    options.put("storage-events.source-topic", sourceTopic);
    options.put("storage-events.target-topic", Topics.STORAGE_EVENTS + "." + run);
    options.put("storage-events.dead-letter-topic", deadLetterTopic);
    options.put("storage-events.consumer-group", "storage-events-" + run);
    Path dir =
        Files.createDirectories(Path.of(System.getProperty("it.work.dir", "target/it-work")))
            .resolve("s3notify-" + run);
    skald = SkaldProcess.start(dir, options);
    segments = dir.resolve("objects").resolve("loki-chunks").resolve("segments");
  }

  @AfterAll
  static void stop() throws Exception {
    if (skald != null) {
      skald.close();
    }
  }

  @Test
  void bucketNotificationsMakeSegmentsQueryableAndTheRestIsDeadLettered() throws Exception {
    List<Line> sent = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      sent.add(new Line(NOW - 30_000_000_000L + i, "notified line " + i));
    }
    HttpResponse<String> push =
        HTTP.send(
            HttpRequest.newBuilder(skald.uri().resolve("/loki/api/v1/push"))
                .header("Content-Type", "application/x-protobuf")
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        LokiPushes.protobufSnappy("{app=\"it-s3-notify\"}", sent)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(push.statusCode()).as(push.body()).isEqualTo(204);
    await().atMost(Duration.ofSeconds(30)).until(() -> !segmentKeys().isEmpty());
    long start = NOW - 120_000_000_000L;
    long end = NOW + 60_000_000_000L;
    assertThat(LokiQueries.countEntries(skald.url(), "{app=\"it-s3-notify\"}", start, end, 100))
        .as("nobody announced the segments yet")
        .isZero();

    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      // Late segments of the same push are announced by a later round; the query waits for all.
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> {
                for (String key : segmentKeys()) {
                  send(producer, minioNotification("loki-chunks", key));
                }
                return LokiQueries.countEntries(
                        skald.url(), "{app=\"it-s3-notify\"}", start, end, 100)
                    == 8;
              });
      send(
          producer,
          minioNotification(
              "loki-ruler", "segments/fake/2026-11-25/0000-00000000000000000001.seg"));
      send(producer, "{\"Records\":[".getBytes(StandardCharsets.UTF_8));
    }

    List<String> reasons = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                  reasons.add(new ObjectMapper().readTree(r.value()).get("reason").asText());
                }
                return reasons.size() >= 2;
              });
    }
    assertThat(reasons)
        .anySatisfy(
            r ->
                assertThat(r)
                    .isEqualTo(
                        "object in foreign bucket loki-ruler (expected loki-chunks): segments/fake/2026-11-25/0000-00000000000000000001.seg"));
    assertThat(reasons)
        .anySatisfy(r -> assertThat(r).startsWith("malformed S3 notification: invalid JSON"));
  }

  /** MinIO's shape: the wrapper with EventName and Key, the key URL-encoded (slashes as %2F). */
  private static byte[] minioNotification(String bucket, String key) {
    String encoded = URLEncoder.encode(key, StandardCharsets.UTF_8);
    return ("{\"EventName\":\"s3:ObjectCreated:Put\",\"Key\":\""
            + bucket
            + "/"
            + key
            + "\",\"Records\":[{"
            + "\"eventVersion\":\"2.0\",\"eventSource\":\"minio:s3\",\"awsRegion\":\"\",\"eventTime\":\"2026-11-25T10:15:30.123Z\","
            + "\"eventName\":\"s3:ObjectCreated:Put\",\"userIdentity\":{\"principalId\":\"skald\"},"
            + "\"s3\":{\"s3SchemaVersion\":\"1.0\",\"configurationId\":\"Config\",\"bucket\":{\"name\":\""
            + bucket
            + "\","
            + "\"ownerIdentity\":{\"principalId\":\"skald\"},\"arn\":\"arn:aws:s3:::"
            + bucket
            + "\"},"
            + "\"object\":{\"key\":\""
            + encoded
            + "\",\"size\":1,\"eTag\":\"\\\"0123\\\"\",\"sequencer\":\"17A\"}}}]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> segmentKeys() throws Exception {
    if (!Files.isDirectory(segments)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(segments)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".seg"))
          .map(p -> "segments/" + segments.relativize(p).toString().replace('\\', '/'))
          .toList();
    }
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, byte[] value) throws Exception {
    producer.send(new ProducerRecord<>(sourceTopic, null, value)).get();
  }

  private static KafkaProducer<byte[], byte[]> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static KafkaConsumer<byte[], byte[]> consumer() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-dlq-" + System.nanoTime());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    c.subscribe(List.of(deadLetterTopic));
    return c;
  }
}
