package io.skald.compactor.events;

import static io.skald.compactor.events.HttpEvents.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skald.bus.Bus;
import io.skald.bus.BusConsumer;
import io.skald.bus.BusRecord;
import io.skald.bus.DeadLetterPublisher;
import io.skald.bus.local.LocalLogBus;
import io.skald.bus.local.LocalLogConfig;
import io.skald.compactor.SegmentIndexer;
import io.skald.compactor.SharedIndexer;
import io.skald.compactor.support.TestStores;
import io.skald.events.v1.ObjectCreated;
import io.skald.index.IndexStore;
import io.skald.layout.ObjectKeys;
import io.skald.schemas.Topics;
import io.skald.storage.FileSystemObjectStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * POST /events/storage without HTTP: a real indexer on a file-system store, dead letters on a real
 * local log.
 */
class StorageEventHandlerTest {

  private static final LocalDate DAY = LocalDate.of(2026, 11, 25);
  private static final String DLQ = Topics.STORAGE_EVENTS_DLQ;

  @TempDir Path dir;
  private TestStores.Switchable store;
  private Bus bus;
  private StorageEventHandler handler;

  @BeforeEach
  void setUp() throws Exception {
    store =
        new TestStores.Switchable(new FileSystemObjectStore(dir.resolve("objects"), "loki-chunks"));
    bus =
        LocalLogBus.open(
            new LocalLogConfig(
                    dir.resolve("bus"), 1, Map.of(), LocalLogConfig.DEFAULT_SEGMENT_BYTES)
                .withSendTimeout(Duration.ofSeconds(2)));
    SharedIndexer indexer =
        new SharedIndexer(new SegmentIndexer(new IndexStore(store), new SimpleMeterRegistry()));
    handler =
        new StorageEventHandler(
            indexer, new DeadLetterPublisher(bus.producer(), DLQ), Clock.systemUTC());
  }

  @AfterEach
  void tearDown() {
    bus.close();
  }

  private static ObjectCreated created(String bucket, String key) {
    return ObjectCreated.newBuilder()
        .setBucket(bucket)
        .setKey(key)
        .setSize(1)
        .setEventTimeMillis(0)
        .setSource("writer")
        .build();
  }

  private EventReply post(ObjectCreated event) {
    HttpEvents.Request r =
        HttpEvents.binary(
            HttpEvents.fromKafka(3, 17, "fake").withData(HttpEvents.avro(event)).build());
    return handler.handle(r.headers(), r.body());
  }

  private List<String> indexed() throws Exception {
    return new IndexStore(store).load("fake", DAY).segments().stream().map(s -> s.key()).toList();
  }

  private List<JsonNode> deadLetters() throws Exception {
    List<JsonNode> out = new ArrayList<>();
    try (BusConsumer c = bus.consumer("test-" + System.nanoTime(), DLQ)) {
      for (BusRecord r : c.poll(Duration.ofMillis(200))) {
        JsonNode n = new ObjectMapper().readTree(r.value());
        ((com.fasterxml.jackson.databind.node.ObjectNode) n)
            .put("key", new String(r.key(), StandardCharsets.UTF_8));
        out.add(n);
      }
    }
    return out;
  }

  @Test
  void indexesTheSegmentBeforeAnswering() throws Exception {
    String key = TestStores.writeSegment(store, "fake", DAY, 42, "one", "two");
    EventReply reply = post(created("loki-chunks", key));
    assertThat(reply).isEqualTo(EventReply.handled("indexed " + key));
    assertThat(indexed()).containsExactly(key);
    assertThat(deadLetters()).isEmpty();
  }

  @Test
  void aSegmentThatIsGoneIsSkippedNotRetried() throws Exception {
    EventReply reply = post(created("loki-chunks", ObjectKeys.segment("fake", DAY, 0, 9)));
    assertThat(reply.status()).isEqualTo(204);
    assertThat(reply.outcome()).startsWith("skipped ");
  }

  @Test
  void eventsThatCanNeverBeIndexedAreDeadLetteredWithTheirReasonAndAnswered2xx() throws Exception {
    String corrupt = ObjectKeys.segment("fake", DAY, 0, 7);
    store.put(corrupt, utf8("not a segment"));
    assertThat(post(created("loki-ruler", ObjectKeys.segment("fake", DAY, 0, 1))))
        .isEqualTo(EventReply.handled("dead-lettered: object in foreign bucket: loki-ruler"));
    assertThat(post(created("loki-chunks", "index/v1/fake/2026-11-25.json")))
        .isEqualTo(
            EventReply.handled("dead-lettered: not a segment key: index/v1/fake/2026-11-25.json"));
    assertThat(post(created("loki-chunks", corrupt)))
        .isEqualTo(EventReply.handled("dead-lettered: corrupt segment: " + corrupt));
    List<JsonNode> dead = deadLetters();
    assertThat(dead)
        .extracting(d -> d.get("reason").asText())
        .containsExactly(
            "object in foreign bucket: loki-ruler",
            "not a segment key: index/v1/fake/2026-11-25.json",
            "corrupt segment: " + corrupt);
    assertThat(dead)
        .allSatisfy(
            d -> {
              assertThat(d.get("topic").asText())
                  .as("the KafkaSource's topic")
                  .isEqualTo(Topics.STORAGE_EVENTS);
              assertThat(d.get("partition").asInt()).isEqualTo(3);
              assertThat(d.get("offset").asLong()).isEqualTo(17);
              assertThat(d.get("key").asText())
                  .as("the record key from the key extension")
                  .isEqualTo("fake");
            });
  }

  @Test
  void undecodableDataIsDeadLetteredAsReceived() throws Exception {
    byte[] garbage = utf8("{\"bucket\":42}");
    HttpEvents.Request r =
        HttpEvents.binary(
            HttpEvents.fromKafka(0, 5, "fake").withData("application/json", garbage).build());
    EventReply reply = handler.handle(r.headers(), r.body());
    assertThat(reply.status()).isEqualTo(204);
    assertThat(reply.outcome())
        .startsWith("dead-lettered: JSON ObjectCreated: bucket is not a string");
    JsonNode dead = deadLetters().get(0);
    assertThat(Base64.getDecoder().decode(dead.get("value").asText())).isEqualTo(garbage);
  }

  @Test
  void aRequestThatIsNoCloudEventIsABadRequestAndTouchesNothing() throws Exception {
    EventReply reply =
        handler.handle(Map.of("Content-Type", List.of("application/json")), utf8("{}"));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.outcome()).startsWith("not a CloudEvent");
    assertThat(deadLetters()).isEmpty();
  }

  @Test
  void anUnreachableStoreIs503SoKnativeRetriesAndNothingIsLost() throws Exception {
    String key = TestStores.writeSegment(store, "fake", DAY, 42, "one");
    store.down = true;
    EventReply reply = post(created("loki-chunks", key));
    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.outcome()).startsWith("cannot index now: ");
    store.down = false;
    assertThat(post(created("loki-chunks", key)).status()).isEqualTo(204);
    assertThat(indexed()).containsExactly(key);
  }

  @Test
  void aBusThatCannotTakeTheDeadLetterIs503() {
    bus.close();
    assertThat(post(created("loki-ruler", ObjectKeys.segment("fake", DAY, 0, 1))).status())
        .isEqualTo(503);
  }
}
