package io.skald.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skald.events.v1.ObjectCreated;
import io.skald.it.LokiPushes.Line;
import io.skald.schemas.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The compactor's CloudEvents endpoints on the real application, as Knative drives them: the
 * compactor's own bus loop is off ({@code compactor.consume-bus=false}), so a pushed line becomes
 * queryable only once its segment is announced to {@code POST /events/storage} (binary mode with
 * Avro data as a KafkaSource sends it, or structured JSON) or found by a tick on {@code POST
 * /events/cron}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CloudEventsIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final long NOW = System.currentTimeMillis() * 1_000_000L;
  private static final long START = NOW - 120_000_000_000L;
  private static final long END = NOW + 60_000_000_000L;

  private static SkaldProcess skald;
  private static Path segments;
  private static final Set<Path> announced = new HashSet<>();

  @BeforeAll
  static void start() throws Exception {
    Path dir =
        Files.createDirectories(Path.of(System.getProperty("it.work.dir", "target/it-work")))
            .resolve("cloudevents-" + System.nanoTime());
    skald = SkaldProcess.start(dir, Map.of("compactor.consume-bus", "false"));
    segments = dir.resolve("objects").resolve("loki-chunks").resolve("segments").resolve("fake");
  }

  @AfterAll
  static void stop() throws Exception {
    if (skald != null) {
      skald.close();
    }
  }

  @Test
  @Order(1)
  void aBinaryModeEventWithAvroDataIndexesTheSegment() throws Exception {
    List<String> keys = pushAndAwaitSegments("it-ce-binary", 5);
    assertThat(count("it-ce-binary")).as("not indexed before the event").isZero();
    for (String key : keys) {
      HttpResponse<String> r =
          post("/events/storage", binaryHeaders("application/avro"), avro(key));
      assertThat(r.statusCode()).isEqualTo(204);
      assertThat(r.body()).isEmpty();
      assertThat(r.headers().firstValue("Skald-Outcome")).hasValue("indexed " + key);
    }
    assertThat(count("it-ce-binary")).as("indexed when the endpoint answered").isEqualTo(5);
  }

  @Test
  @Order(2)
  void aStructuredModeEventWithJsonDataIndexesTheSegment() throws Exception {
    List<String> keys = pushAndAwaitSegments("it-ce-structured", 3);
    for (String key : keys) {
      String event =
          "{\"specversion\":\"1.0\",\"id\":\""
              + UUID.randomUUID()
              + "\",\"source\":\"/it\",\"type\":\"io.skald.object-created\","
              + "\"datacontenttype\":\"application/json\",\"data\":{\"bucket\":\"loki-chunks\",\"key\":\""
              + key
              + "\",\"size\":1,"
              + "\"eTag\":null,\"eventTimeMillis\":0,\"source\":\"writer\"}}";
      HttpResponse<String> r =
          post(
              "/events/storage",
              List.of("Content-Type", "application/cloudevents+json"),
              event.getBytes(StandardCharsets.UTF_8));
      assertThat(r.statusCode()).isEqualTo(204);
    }
    assertThat(count("it-ce-structured")).isEqualTo(3);
  }

  @Test
  @Order(3)
  void aCronTickIndexesSegmentsWhoseEventsWereLost() throws Exception {
    pushAndAwaitSegments("it-ce-lost", 4);
    assertThat(count("it-ce-lost")).isZero();
    HttpResponse<String> r =
        post(
            "/events/cron",
            List.of(
                "Content-Type",
                "application/json",
                "ce-specversion",
                "1.0",
                "ce-id",
                UUID.randomUUID().toString(),
                "ce-type",
                "dev.knative.sources.ping",
                "ce-source",
                "/apis/v1/namespaces/skald/pingsources/skald-compaction"),
            "{\"kind\":\"compaction\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(r.headers().firstValue("Skald-Outcome").orElseThrow()).startsWith("caught up: ");
    assertThat(count("it-ce-lost")).isEqualTo(4);
  }

  @Test
  @Order(4)
  void eventsThatCanNeverBeIndexedAreAcknowledgedAndDeadLettered() throws Exception {
    HttpResponse<String> foreign =
        post(
            "/events/storage",
            binaryHeaders("application/avro"),
            avro(
                ObjectCreated.newBuilder()
                    .setBucket("loki-ruler")
                    .setKey("segments/fake/2026-11-25/0000-1.seg")
                    .setSize(1)
                    .setEventTimeMillis(0)
                    .setSource("writer")
                    .build()));
    assertThat(foreign.statusCode()).isEqualTo(204);
    assertThat(foreign.headers().firstValue("Skald-Outcome"))
        .hasValue("dead-lettered: object in foreign bucket: loki-ruler");
    HttpResponse<String> garbage =
        post(
            "/events/storage",
            binaryHeaders("application/json"),
            "{\"bucket\":".getBytes(StandardCharsets.UTF_8));
    assertThat(garbage.statusCode()).isEqualTo(204);
    assertThat(garbage.headers().firstValue("Skald-Outcome").orElseThrow())
        .startsWith("dead-lettered: invalid JSON ObjectCreated");
  }

  @Test
  @Order(5)
  void aRequestThatIsNoCloudEventIsABadRequest() throws Exception {
    HttpResponse<String> r =
        post(
            "/events/storage",
            List.of("Content-Type", "application/json"),
            "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).startsWith("not a CloudEvent");
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * Pushes {@code lines} lines of a new stream and returns the keys of the segments written since.
   */
  private static List<String> pushAndAwaitSegments(String app, int lines) throws Exception {
    List<Line> sent = new ArrayList<>();
    for (int i = 0; i < lines; i++) {
      sent.add(new Line(NOW - 60_000_000_000L + i, app + " line " + i));
    }
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(skald.uri().resolve("/loki/api/v1/push"))
                .header("Content-Type", "application/x-protobuf")
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        LokiPushes.protobufSnappy("{app=\"" + app + "\"}", sent)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> segmentFiles().stream().anyMatch(p -> !announced.contains(p)));
    // One push may straddle a flush (every second): wait until no further segment turns up.
    AtomicInteger seen = new AtomicInteger(-1);
    await()
        .atMost(Duration.ofSeconds(15))
        .during(Duration.ofMillis(1500))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              int now = segmentFiles().size();
              return seen.getAndSet(now) == now;
            });
    List<Path> fresh = segmentFiles().stream().filter(p -> !announced.contains(p)).toList();
    announced.addAll(fresh);
    return fresh.stream()
        .map(p -> "segments/fake/" + segments.relativize(p).toString().replace('\\', '/'))
        .toList();
  }

  private static List<Path> segmentFiles() throws IOException {
    if (!Files.isDirectory(segments)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(segments)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".seg")).toList();
    }
  }

  private static int count(String app) throws Exception {
    return LokiQueries.countEntries(skald.url(), "{app=\"" + app + "\"}", START, END, 100);
  }

  /** What a KafkaSource sends for a record of storage.events (binary mode). */
  private static List<String> binaryHeaders(String contentType) {
    return List.of(
        "Content-Type",
        contentType,
        "ce-specversion",
        "1.0",
        "ce-id",
        "partition:0/offset:" + System.nanoTime(),
        "ce-source",
        "/apis/v1/namespaces/skald/kafkasources/skald-storage-events#" + Topics.STORAGE_EVENTS,
        "ce-type",
        "dev.knative.kafka.event",
        "ce-subject",
        "partition:0#1",
        "ce-key",
        "fake");
  }

  private static byte[] avro(String key) {
    return avro(
        ObjectCreated.newBuilder()
            .setBucket("loki-chunks")
            .setKey(key)
            .setSize(1)
            .setEventTimeMillis(0)
            .setSource("writer")
            .build());
  }

  private static byte[] avro(ObjectCreated event) {
    return Topics.OBJECT_CREATED.encode(event);
  }

  private static HttpResponse<String> post(String path, List<String> headers, byte[] body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(skald.url() + path))
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i < headers.size(); i += 2) {
      b.header(headers.get(i), headers.get(i + 1));
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
