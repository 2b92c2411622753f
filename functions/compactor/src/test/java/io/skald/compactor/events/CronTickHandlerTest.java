package io.skald.compactor.events;

import static io.skald.compactor.events.HttpEvents.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skald.compactor.SegmentIndexer;
import io.skald.compactor.SharedIndexer;
import io.skald.compactor.catchup.IndexCatchUp;
import io.skald.compactor.catchup.RetiredSegments;
import io.skald.compactor.support.TestStores;
import io.skald.events.v1.ObjectCreated;
import io.skald.index.IndexStore;
import io.skald.storage.FileSystemObjectStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CronTickHandlerTest {

  @TempDir Path dir;
  private TestStores.Switchable store;
  private SharedIndexer indexer;
  private CronTickHandler handler;
  private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

  @BeforeEach
  void setUp() throws Exception {
    store = new TestStores.Switchable(new FileSystemObjectStore(dir, "loki-chunks"));
    indexer =
        new SharedIndexer(new SegmentIndexer(new IndexStore(store), new SimpleMeterRegistry()));
    handler =
        new CronTickHandler(
            new IndexCatchUp(
                store, indexer, RetiredSegments.NONE, Clock.systemUTC(), Duration.ofDays(2)),
            Clock.systemUTC());
  }

  private EventReply tick() {
    HttpEvents.Request r =
        HttpEvents.binary(
            CloudEventBuilder.v1()
                .withId("1")
                .withType("dev.knative.sources.ping")
                .withSource(URI.create("/apis/v1/namespaces/skald/pingsources/skald-compaction"))
                .withData("application/json", utf8("{\"kind\":\"compaction\"}"))
                .build());
    return handler.handle(r.headers(), r.body());
  }

  @Test
  void aTickCatchesUpOnLostEvents() throws Exception {
    String first = TestStores.writeSegment(store, "fake", today, 1, "a");
    indexer.indexAndFlush(
        ix ->
            ix.index(
                ObjectCreated.newBuilder()
                    .setBucket("loki-chunks")
                    .setKey(first)
                    .setSize(0)
                    .setEventTimeMillis(0)
                    .setSource("writer")
                    .build()));
    TestStores.writeSegment(store, "fake", today, 2, "b");
    assertThat(tick())
        .isEqualTo(EventReply.handled("caught up: 1 segments indexed in 1 tenant-days"));
    assertThat(new IndexStore(store).load("fake", today).segments()).hasSize(2);
  }

  @Test
  void anUnreachableStoreIs503() {
    store.down = true;
    assertThat(tick().status()).isEqualTo(503);
  }

  @Test
  void somethingThatIsNoCloudEventIs400() {
    assertThat(
            handler
                .handle(
                    Map.of("Content-Type", List.of("application/json")),
                    utf8("{\"kind\":\"compaction\"}"))
                .status())
        .isEqualTo(400);
  }
}
