package io.skald.compactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skald.bus.Bus;
import io.skald.bus.local.LocalLogBus;
import io.skald.bus.local.LocalLogConfig;
import io.skald.events.v1.ObjectCreated;
import io.skald.index.IndexStore;
import io.skald.layout.ObjectKeys;
import io.skald.schemas.Topics;
import io.skald.segment.SegmentWriter;
import io.skald.storage.FileSystemObjectStore;
import io.skald.storage.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * skald.compactor.consume-bus: the compactor's own loop runs unless something else delivers the
 * events.
 */
class CompactorFunctionTest {

  private static final LocalDate DAY = LocalDate.of(2026, 11, 25);

  @TempDir Path dir;
  private Bus bus;
  private ObjectStore store;
  private SharedIndexer indexer;

  @BeforeEach
  void setUp() throws Exception {
    bus =
        LocalLogBus.open(
            new LocalLogConfig(
                dir.resolve("bus"), 1, Map.of(), LocalLogConfig.DEFAULT_SEGMENT_BYTES));
    store = new FileSystemObjectStore(dir.resolve("objects"), "loki-chunks");
    indexer =
        new SharedIndexer(new SegmentIndexer(new IndexStore(store), new SimpleMeterRegistry()));
  }

  @AfterEach
  void tearDown() {
    bus.close();
  }

  private String announceSegment() throws Exception {
    SegmentWriter w = new SegmentWriter();
    w.append(
        "{app=\"a\"}", 1_764_028_800_000_000_000L, "x".getBytes(StandardCharsets.UTF_8), List.of());
    String key = ObjectKeys.segment("fake", DAY, 0, 0);
    store.put(key, w.finish());
    ObjectCreated event =
        ObjectCreated.newBuilder()
            .setBucket("loki-chunks")
            .setKey(key)
            .setSize(1)
            .setEventTimeMillis(0)
            .setSource("writer")
            .build();
    bus.producer()
        .send(
            Topics.STORAGE_EVENTS,
            Topics.OBJECT_CREATED.key(event),
            Topics.OBJECT_CREATED.encode(event))
        .get();
    return key;
  }

  private static boolean loopThreadRunning() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("skald-compactor-index"));
  }

  @Test
  void consumesTheBusByDefault() throws Exception {
    String key = announceSegment();
    CompactorFunction f =
        new CompactorFunction(
            bus,
            indexer,
            new CompactorConfig(
                Topics.STORAGE_EVENTS, Topics.STORAGE_EVENTS_DLQ, "skald-compactor", true));
    f.start();
    try {
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> !new IndexStore(store).load("fake", DAY).isEmpty());
      assertThat(new IndexStore(store).load("fake", DAY).segments().get(0).key()).isEqualTo(key);
      f.check();
    } finally {
      f.stop();
    }
  }

  @Test
  void leavesTheBusAloneWhenConsumeBusIsOff() throws Exception {
    announceSegment();
    CompactorFunction f =
        new CompactorFunction(
            bus,
            indexer,
            new CompactorConfig(
                Topics.STORAGE_EVENTS, Topics.STORAGE_EVENTS_DLQ, "skald-compactor", false));
    f.start();
    try {
      assertThat(loopThreadRunning()).isFalse();
      f.check(); // ready: the HTTP endpoints do the work
    } finally {
      f.stop();
    }
    assertThat(new IndexStore(store).load("fake", DAY).isEmpty()).isTrue();
  }
}
