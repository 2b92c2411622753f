package io.skald.routes.storageevents.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skald.bus.Bus;
import io.skald.bus.BusConsumer;
import io.skald.bus.BusRecord;
import io.skald.bus.local.LocalLogBus;
import io.skald.bus.local.LocalLogConfig;
import io.skald.events.v1.ObjectCreated;
import io.skald.routes.storageevents.notification.Samples;
import io.skald.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Camel route with its real steps, fed from and publishing to a real local log. */
class StorageEventsPipelineTest {

  private static final String SOURCE = Topics.STORAGE_EVENTS_S3;
  private static final String TARGET = Topics.STORAGE_EVENTS;
  private static final String DLQ = Topics.STORAGE_EVENTS_DLQ;
  private static final String GROUP = "skald-storage-events";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Bus bus;
  private StorageEventsPipeline pipeline;

  @BeforeEach
  void start() throws Exception {
    bus =
        LocalLogBus.open(
            new LocalLogConfig(dir, 3, Map.of(), LocalLogConfig.DEFAULT_SEGMENT_BYTES)
                .withSendTimeout(Duration.ofSeconds(2)));
    pipeline =
        StorageEventsPipeline.start(
            bus, new StorageEventsPipeline.Topics(SOURCE, TARGET, DLQ, GROUP), "loki-chunks");
  }

  @AfterEach
  void stop() throws Exception {
    pipeline.close();
    bus.close();
  }

  private void notify(byte[] notification) throws Exception {
    bus.producer().send(SOURCE, null, notification).get();
  }

  private static ObjectCreated decode(BusRecord r) throws Exception {
    return Topics.OBJECT_CREATED.decode(r.value());
  }

  @Test
  void notificationsFromEveryStoreBecomeObjectCreatedKeyedByTenant() throws Exception {
    notify(Samples.file("aws-put.json"));
    notify(Samples.file("minio-put.json"));
    notify(Samples.file("ceph-multipart.json"));
    await().atMost(Duration.ofSeconds(20)).until(() -> BusTopics.read(bus, TARGET).size() == 3);
    List<BusRecord> out = BusTopics.read(bus, TARGET);
    assertThat(out)
        .extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
        .containsExactlyInAnyOrder("fake", "fake", "team a");
    for (BusRecord r : out) {
      ObjectCreated e = decode(r);
      assertThat(e.getSource()).isEqualTo("s3-notification");
      assertThat(e.getBucket()).isEqualTo("loki-chunks");
      assertThat(e.getKey())
          .startsWith("segments/" + new String(r.key(), StandardCharsets.UTF_8) + "/2026-11-25/");
    }
    assertThat(BusTopics.read(bus, DLQ)).isEmpty();
  }

  @Test
  void whatCannotBeUsedGoesToTheDeadLetterTopicWithItsReasonAndTheRestFlows() throws Exception {
    byte[] garbage = "{\"Records\":[".getBytes(StandardCharsets.UTF_8);
    notify(garbage);
    notify(Samples.file("aws-delete.json"));
    notify(
        Samples.notification(
            "ObjectCreated:Put",
            "loki-ruler",
            "segments/fake/2026-11-25/0000-00000000000000000001.seg"));
    notify(Samples.notification("ObjectCreated:Put", "loki-chunks", "a%2Fb+c"));
    notify(Samples.file("aws-put.json"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> BusTopics.read(bus, DLQ).size() == 4 && BusTopics.read(bus, TARGET).size() == 1);

    List<JsonNode> dead =
        BusTopics.read(bus, DLQ).stream().map(StorageEventsPipelineTest::json).toList();
    assertThat(dead)
        .extracting(d -> d.get("reason").asText())
        .containsExactlyInAnyOrder(
            "unsupported event type ObjectRemoved:Delete for segments/fake/2026-11-25/0001-00000000000000000042.seg",
            "object in foreign bucket loki-ruler (expected loki-chunks): segments/fake/2026-11-25/0000-00000000000000000001.seg",
            "not a segment key: a/b c",
            dead.stream()
                .map(d -> d.get("reason").asText())
                .filter(r -> r.startsWith("malformed S3 notification: invalid JSON at line 1"))
                .findFirst()
                .orElse("no reason for the malformed notification"));
    assertThat(dead).allSatisfy(d -> assertThat(d.get("topic").asText()).isEqualTo(SOURCE));
    JsonNode malformed =
        dead.stream()
            .filter(d -> d.get("reason").asText().startsWith("malformed"))
            .findFirst()
            .orElseThrow();
    assertThat(Base64.getDecoder().decode(malformed.get("value").asText()))
        .as("the original record, for replay")
        .isEqualTo(garbage);
    assertThat(decode(BusTopics.read(bus, TARGET).get(0)).getKey())
        .isEqualTo("segments/fake/2026-11-25/0001-00000000000000000042.seg");
  }

  @Test
  void offsetsAreCommittedOnceTheNotificationIsHandled() throws Exception {
    notify(Samples.file("aws-put.json"));
    notify(Samples.file("aws-delete.json"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> BusTopics.read(bus, TARGET).size() == 1 && BusTopics.read(bus, DLQ).size() == 1);
    await().atMost(Duration.ofSeconds(20)).until(() -> unreadByTheGroup().isEmpty());
  }

  /** What the group would read next; stops the pipeline to ask and starts it again after. */
  private List<BusRecord> unreadByTheGroup() throws Exception {
    pipeline.close();
    try (BusConsumer c = bus.consumer(GROUP, SOURCE)) {
      return c.poll(Duration.ofMillis(200));
    } finally {
      pipeline =
          StorageEventsPipeline.start(
              bus, new StorageEventsPipeline.Topics(SOURCE, TARGET, DLQ, GROUP), "loki-chunks");
    }
  }

  private static JsonNode json(BusRecord r) {
    try {
      return JSON.readTree(r.value());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
