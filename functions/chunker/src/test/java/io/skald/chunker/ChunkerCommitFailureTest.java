package io.skald.chunker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skald.bus.Bus;
import io.skald.bus.BusCommitFailedException;
import io.skald.bus.BusConsumer;
import io.skald.bus.BusRecord;
import io.skald.bus.BusUnavailableException;
import io.skald.bus.DeadLetterPublisher;
import io.skald.bus.local.LocalLogBus;
import io.skald.bus.local.LocalLogConfig;
import io.skald.events.v1.LogBatch;
import io.skald.events.v1.LogEntry;
import io.skald.schemas.Topics;
import io.skald.segment.BlockCursor;
import io.skald.segment.BlockRef;
import io.skald.segment.SegmentFooter;
import io.skald.segment.SegmentReader;
import io.skald.segment.StreamInfo;
import io.skald.storage.FileSystemObjectStore;
import io.skald.storage.ObjectInfo;
import io.skald.storage.ObjectStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit that fails after the objects were written must neither stop the chunker (a dead loop
 * consumes nothing more) nor lose or double entries: Kafka going away between the write and the
 * commit, or a rebalance taking the partitions, are ordinary events in the distributed deployment.
 */
class ChunkerCommitFailureTest {

  private static final long DAY_NS = 1_764_028_800_000_000_000L; // 2025-11-25T00:00:00Z

  @TempDir Path dir;
  private Bus bus;
  private ObjectStore store;
  private Chunker chunker;
  private Thread thread;

  @BeforeEach
  void open() throws Exception {
    bus =
        LocalLogBus.open(
            new LocalLogConfig(
                dir.resolve("bus"), 1, Map.of(), LocalLogConfig.DEFAULT_SEGMENT_BYTES));
    store = new FileSystemObjectStore(dir.resolve("objects"), "loki-chunks");
  }

  @AfterEach
  void close() throws Exception {
    if (chunker != null) {
      chunker.stop();
      thread.join(10_000);
    }
    bus.close();
    store.close();
  }

  @Test
  void keepsRunningWhileCommitsFailAndCommitsOnceTheBusIsBack() throws Exception {
    AtomicInteger failuresLeft = new AtomicInteger(3);
    FlakyCommits consumer =
        start(
            () ->
                failuresLeft.getAndDecrement() > 0
                    ? new BusUnavailableException("kafka: commit: timed out")
                    : null);
    push("one");
    await().atMost(Duration.ofSeconds(20)).until(() -> consumer.committed.get() > 0);
    push("two");
    await().atMost(Duration.ofSeconds(20)).until(() -> consumer.lastCommitted == 2);
    assertThat(thread.isAlive()).isTrue();
    assertThat(consumer.failed.get()).isEqualTo(3);
    assertThat(allLines()).containsExactly("one", "two");
  }

  @Test
  void aRejectedCommitRewindsSoTheEntriesAreWrittenAgainNotLost() throws Exception {
    AtomicInteger failuresLeft = new AtomicInteger(1);
    FlakyCommits consumer =
        start(
            () ->
                failuresLeft.getAndDecrement() > 0
                    ? new BusCommitFailedException(
                        "kafka: commit rejected, partitions were reassigned")
                    : null);
    push("one");
    await().atMost(Duration.ofSeconds(20)).until(() -> consumer.lastCommitted == 1);
    push("two");
    await().atMost(Duration.ofSeconds(20)).until(() -> consumer.lastCommitted == 2);
    assertThat(thread.isAlive()).isTrue();
    assertThat(allLines()).containsExactly("one", "two");
  }

  private FlakyCommits start(Supplier<RuntimeException> commitFailure) {
    ChunkerConfig c =
        new ChunkerConfig(
            Duration.ofMillis(50),
            64 << 20,
            Topics.LOGS_PUSH,
            Topics.STORAGE_EVENTS,
            Topics.LOGS_PUSH_DLQ,
            "skald-chunker",
            3,
            true);
    FlakyCommits consumer =
        new FlakyCommits(bus.consumer(c.consumerGroup(), c.topic()), commitFailure);
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    chunker =
        new Chunker(
            consumer,
            new SegmentFlusher(store, bus.producer(), c, Clock.systemUTC(), meters),
            new DeadLetterPublisher(bus.producer(), c.deadLetterTopic()),
            c,
            System::nanoTime,
            meters);
    thread =
        new Thread(
            () -> {
              try {
                chunker.run();
              } finally {
                consumer.close();
              }
            });
    thread.start();
    return consumer;
  }

  private void push(String line) throws Exception {
    LogBatch batch =
        LogBatch.newBuilder()
            .setTenant("a")
            .setLabels("{app=\"x\"}")
            .setReceivedAtMillis(0)
            .setEntries(
                List.of(
                    LogEntry.newBuilder()
                        .setTimestampNanos(DAY_NS + line.length())
                        .setLine(line)
                        .setStructuredMetadata(List.of())
                        .build()))
            .build();
    bus.producer()
        .send(Topics.LOGS_PUSH, Topics.LOG_BATCH.key(batch), Topics.LOG_BATCH.encode(batch))
        .get();
  }

  /** Every line in every segment, in key order: a line written twice would show up twice. */
  private List<String> allLines() throws Exception {
    List<String> out = new ArrayList<>();
    for (ObjectInfo o : store.list("segments/")) {
      byte[] bytes = store.get(o.key()).orElseThrow();
      SegmentFooter footer = SegmentReader.readFooter(bytes);
      for (StreamInfo s : footer.streams()) {
        for (BlockRef r : s.blocks()) {
          BlockCursor c =
              SegmentReader.openBlock(
                  Arrays.copyOfRange(bytes, (int) r.offset(), (int) r.offset() + r.length()), r);
          while (c.next()) {
            out.add(c.lineString());
          }
        }
      }
    }
    return out;
  }

  /** Delegates to a real consumer, failing commits as told. */
  private static final class FlakyCommits implements BusConsumer {
    private final BusConsumer delegate;
    private final Supplier<RuntimeException> failure;
    final AtomicInteger committed = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    volatile long lastCommitted;

    FlakyCommits(BusConsumer delegate, Supplier<RuntimeException> failure) {
      this.delegate = delegate;
      this.failure = failure;
    }

    @Override
    public List<BusRecord> poll(Duration timeout) {
      return delegate.poll(timeout);
    }

    @Override
    public void commit(Map<Integer, Long> nextOffsets) {
      RuntimeException e = failure.get();
      if (e != null) {
        failed.incrementAndGet();
        throw e;
      }
      delegate.commit(nextOffsets);
      committed.incrementAndGet();
      lastCommitted = nextOffsets.getOrDefault(0, 0L);
    }

    @Override
    public Set<Integer> assignment() {
      return delegate.assignment();
    }

    @Override
    public void onRevoked(Consumer<Set<Integer>> listener) {
      delegate.onRevoked(listener);
    }

    @Override
    public void seekToCommitted(int partition) {
      delegate.seekToCommitted(partition);
    }

    @Override
    public long endOffset(int partition) {
      return delegate.endOffset(partition);
    }

    @Override
    public void wakeup() {
      delegate.wakeup();
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
