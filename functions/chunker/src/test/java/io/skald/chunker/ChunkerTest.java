package io.skald.chunker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skald.bus.Bus;
import io.skald.bus.BusConsumer;
import io.skald.bus.BusRecord;
import io.skald.bus.DeadLetterPublisher;
import io.skald.bus.local.LocalLogBus;
import io.skald.bus.local.LocalLogConfig;
import io.skald.events.v1.LabelPair;
import io.skald.events.v1.LogBatch;
import io.skald.events.v1.LogEntry;
import io.skald.events.v1.ObjectCreated;
import io.skald.schemas.Topics;
import io.skald.segment.BlockCursor;
import io.skald.segment.BlockRef;
import io.skald.segment.SegmentFooter;
import io.skald.segment.SegmentReader;
import io.skald.segment.StreamInfo;
import io.skald.storage.FileSystemObjectStore;
import io.skald.storage.ObjectInfo;
import io.skald.storage.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chunker over a real local bus and a real file-system store. */
class ChunkerTest {

  private static final long DAY_NS = 1_764_028_800_000_000_000L; // 2025-11-25T00:00:00Z

  @TempDir Path dir;
  private Bus bus;
  private ObjectStore store;
  private final List<Thread> threads = new ArrayList<>();
  private final List<Chunker> chunkers = new ArrayList<>();

  private final ChunkerConfig config =
      new ChunkerConfig(
          Duration.ofMillis(50),
          64 << 20,
          Topics.LOGS_PUSH,
          Topics.STORAGE_EVENTS,
          Topics.LOGS_PUSH_DLQ,
          "skald-chunker",
          3,
          true);

  @BeforeEach
  void open() throws Exception {
    bus =
        LocalLogBus.open(
            new LocalLogConfig(
                dir.resolve("bus"), 2, Map.of(), LocalLogConfig.DEFAULT_SEGMENT_BYTES));
    store = new FileSystemObjectStore(dir.resolve("objects"), "loki-chunks");
  }

  @AfterEach
  void close() throws Exception {
    chunkers.forEach(Chunker::stop);
    for (Thread t : threads) {
      t.join(10_000);
    }
    bus.close();
    store.close();
  }

  private Chunker startChunker(Duration flushInterval) {
    ChunkerConfig c =
        new ChunkerConfig(
            flushInterval,
            config.maxBufferBytes(),
            config.topic(),
            config.storageEventsTopic(),
            config.deadLetterTopic(),
            config.consumerGroup(),
            3,
            true);
    BusConsumer consumer = bus.consumer(c.consumerGroup(), c.topic());
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    Chunker chunker =
        new Chunker(
            consumer,
            new SegmentFlusher(store, bus.producer(), c, Clock.systemUTC(), meters),
            new DeadLetterPublisher(bus.producer(), c.deadLetterTopic()),
            c,
            System::nanoTime,
            meters);
    Thread t =
        new Thread(
            () -> {
              try {
                chunker.run();
              } finally {
                consumer.close();
              }
            });
    t.start();
    threads.add(t);
    chunkers.add(chunker);
    return chunker;
  }

  private void push(String tenant, String labels, long ts, String line) throws Exception {
    LogBatch batch =
        LogBatch.newBuilder()
            .setTenant(tenant)
            .setLabels(labels)
            .setReceivedAtMillis(0)
            .setEntries(
                List.of(
                    LogEntry.newBuilder()
                        .setTimestampNanos(ts)
                        .setLine(line)
                        .setStructuredMetadata(List.of(new LabelPair("detected_level", "info")))
                        .build()))
            .build();
    bus.producer()
        .send(Topics.LOGS_PUSH, Topics.LOG_BATCH.key(batch), Topics.LOG_BATCH.encode(batch))
        .get();
  }

  @Test
  void writesSegmentsPerTenantAndDayThenAnnouncesThem() throws Exception {
    startChunker(Duration.ofMillis(50));
    push("a", "{app=\"x\"}", DAY_NS + 1, "one");
    push("a", "{app=\"x\"}", DAY_NS + 2, "two");
    push("b", "{app=\"y\"}", DAY_NS + 3, "three");
    push("a", "{app=\"x\"}", DAY_NS - 1, "yesterday");

    await().atMost(Duration.ofSeconds(20)).until(() -> store.list("segments/").size() == 3);
    List<String> keys = store.list("segments/").stream().map(ObjectInfo::key).toList();
    assertThat(keys)
        .anyMatch(k -> k.startsWith("segments/a/2025-11-25/"))
        .anyMatch(k -> k.startsWith("segments/a/2025-11-24/"))
        .anyMatch(k -> k.startsWith("segments/b/2025-11-25/"));
    assertThat(
            lines(
                keys.stream()
                    .filter(k -> k.startsWith("segments/a/2025-11-25/"))
                    .findFirst()
                    .orElseThrow()))
        .containsExactly("one", "two");

    List<ObjectCreated> events = new ArrayList<>();
    List<String> recordKeys = new ArrayList<>();
    try (BusConsumer c = bus.consumer("test", Topics.STORAGE_EVENTS)) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                for (BusRecord r : c.poll(Duration.ofMillis(100))) {
                  events.add(Topics.OBJECT_CREATED.decode(r.value()));
                  recordKeys.add(new String(r.key(), StandardCharsets.UTF_8));
                }
                return events.size() == 3;
              });
    }
    assertThat(events).extracting(ObjectCreated::getKey).containsExactlyInAnyOrderElementsOf(keys);
    assertThat(recordKeys)
        .as("keyed by tenant")
        .containsExactlyInAnyOrderElementsOf(
            events.stream().map(e -> e.getKey().split("/")[1]).toList());
    assertThat(events).allSatisfy(e -> assertThat(e.getBucket()).isEqualTo("loki-chunks"));
  }

  @Test
  void undecodableRecordsGoToTheDeadLetterTopicAndDoNotStopThePartition() throws Exception {
    startChunker(Duration.ofMillis(50));
    bus.producer().send(Topics.LOGS_PUSH, "k".getBytes(), "not avro".getBytes()).get();
    push("a", "{app=\"x\"}", DAY_NS + 1, "after garbage");
    await().atMost(Duration.ofSeconds(20)).until(() -> store.list("segments/").size() == 1);
    try (BusConsumer c = bus.consumer("test", Topics.LOGS_PUSH_DLQ)) {
      List<BusRecord> dead = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                dead.addAll(c.poll(Duration.ofMillis(100)));
                return !dead.isEmpty();
              });
      assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8))
          .contains("cannot decode LogBatch");
    }
  }

  @Test
  void aReplayAfterACrashRewritesTheSameKeys() throws Exception {
    // Never flushes on its own: the stop below is the only flush, like a clean shutdown.
    Chunker first = startChunker(Duration.ofHours(1));
    push("a", "{app=\"x\"}", DAY_NS + 1, "one");
    push("a", "{app=\"x\"}", DAY_NS + 2, "two");
    first.stop();
    threads.get(0).join(10_000);
    List<String> before = store.list("segments/").stream().map(ObjectInfo::key).toList();
    assertThat(before).hasSize(1);

    // Pretend the commit never happened: a new group replays everything from offset 0.
    ChunkerConfig replay =
        new ChunkerConfig(
            Duration.ofMillis(50),
            config.maxBufferBytes(),
            config.topic(),
            config.storageEventsTopic(),
            config.deadLetterTopic(),
            "replay-group",
            3,
            true);
    BusConsumer consumer = bus.consumer(replay.consumerGroup(), replay.topic());
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    Chunker again =
        new Chunker(
            consumer,
            new SegmentFlusher(store, bus.producer(), replay, Clock.systemUTC(), meters),
            new DeadLetterPublisher(bus.producer(), replay.deadLetterTopic()),
            replay,
            System::nanoTime,
            meters);
    Thread t = new Thread(again);
    t.start();
    // The replay announces the segment again: two ObjectCreated events, one key.
    List<String> announced = new ArrayList<>();
    try (BusConsumer events = bus.consumer("test", Topics.STORAGE_EVENTS)) {
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> {
                for (BusRecord r : events.poll(Duration.ofMillis(100))) {
                  announced.add(Topics.OBJECT_CREATED.decode(r.value()).getKey());
                }
                return announced.size() == 2;
              });
    }
    assertThat(announced).containsOnly(before.get(0));
    again.stop();
    t.join(10_000);
    consumer.close();
    assertThat(store.list("segments/").stream().map(ObjectInfo::key).toList()).isEqualTo(before);
    assertThat(lines(before.get(0))).containsExactly("one", "two");
  }

  private List<String> lines(String key) throws Exception {
    byte[] bytes = store.get(key).orElseThrow();
    SegmentFooter footer = SegmentReader.readFooter(bytes);
    List<String> out = new ArrayList<>();
    for (StreamInfo s : footer.streams()) {
      for (BlockRef b : s.blocks()) {
        BlockCursor c =
            SegmentReader.openBlock(
                java.util.Arrays.copyOfRange(
                    bytes, (int) b.offset(), (int) b.offset() + b.length()),
                b);
        while (c.next()) {
          out.add(c.lineString());
        }
      }
    }
    return out;
  }
}
