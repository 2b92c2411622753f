package io.skald.bus.local;

import static io.skald.bus.local.LocalLogTesting.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skald.bus.BusCommitFailedException;
import io.skald.bus.BusConsumer;
import io.skald.bus.BusRecord;
import io.skald.bus.BusUnavailableException;
import io.skald.bus.RecordPosition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local-log specifics beyond the contract: metadata, locking, ownership, limits, batching. */
class LocalLogBusTest {

  @TempDir Path dir;

  private LocalLogConfig config(long segmentBytes) {
    return new LocalLogConfig(dir, 2, Map.of(), segmentBytes);
  }

  @Test
  void aTopicKeepsItsPartitionCountWhenTheConfigurationChanges() {
    try (LocalLogBus bus = LocalLogBus.open(new LocalLogConfig(dir, 4, Map.of("t", 3), 1 << 20))) {
      assertThat(bus.partitions("t")).isEqualTo(3);
      assertThat(bus.partitions("u")).isEqualTo(4);
    }
    try (LocalLogBus bus = LocalLogBus.open(new LocalLogConfig(dir, 7, Map.of("t", 5), 1 << 20))) {
      assertThat(bus.partitions("t")).isEqualTo(3);
      assertThat(bus.partitions("u")).isEqualTo(4);
      assertThat(bus.partitions("v")).isEqualTo(7);
    }
  }

  @Test
  void aSecondOpenOfTheDirectoryFailsFast() {
    try (LocalLogBus bus = LocalLogBus.open(config(1 << 20))) {
      assertThatThrownBy(() -> LocalLogBus.open(config(1 << 20)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("in use");
    }
    LocalLogBus.open(config(1 << 20)).close(); // released on close
  }

  @Test
  void anOlderConsumerOfTheGroupCannotCommitAfterANewerOneTookOver() {
    try (LocalLogBus bus = LocalLogBus.open(config(1 << 20))) {
      BusConsumer older = bus.consumer("g", TOPIC);
      BusConsumer newer = bus.consumer("g", TOPIC);
      assertThat(older.poll(Duration.ZERO)).isEmpty();
      assertThat(older.assignment()).isEmpty();
      assertThatThrownBy(() -> older.commit(Map.of(0, 1L)))
          .isInstanceOf(BusCommitFailedException.class);
      newer.commit(Map.of(0, 1L));
      newer.close();
      older.poll(Duration.ZERO);
      assertThat(older.assignment()).containsExactly(0, 1);
      older.commit(Map.of(0, 2L));
    }
  }

  @Test
  void sendingToAClosedBusFailsWithBusUnavailable() {
    LocalLogBus bus = LocalLogBus.open(config(1 << 20));
    bus.close();
    assertThat(bus.producer().send(TOPIC, key(1), value(1)))
        .failsWithin(WAIT)
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(BusUnavailableException.class);
  }

  @Test
  void pingFailsOnceTheBusIsClosed() {
    LocalLogBus bus = LocalLogBus.open(config(1 << 20));
    bus.ping(WAIT);
    bus.close();
    assertThatThrownBy(() -> bus.ping(WAIT))
        .isInstanceOf(BusUnavailableException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void aRecordLargerThanASegmentIsRejected() {
    try (LocalLogBus bus = LocalLogBus.open(config(4096))) {
      assertThat(bus.producer().send(TOPIC, null, new byte[5000]))
          .failsWithin(WAIT)
          .withThrowableOfType(ExecutionException.class)
          .withCauseInstanceOf(IllegalArgumentException.class);
      assertThat(join(bus.producer().send(TOPIC, null, new byte[4000])).offset()).isZero();
    }
  }

  @Test
  void largeRecordsSpanningTheReadBufferRoundTrip() {
    try (LocalLogBus bus = LocalLogBus.open(new LocalLogConfig(dir, 1, Map.of(), 8 << 20))) {
      byte[] big = new byte[3 << 20];
      new Random(1).nextBytes(big);
      join(bus.producer().send(TOPIC, key(1), big));
      join(bus.producer().send(TOPIC, key(2), value(2)));
      List<BusRecord> records = readAll(bus, "g", 2);
      assertThat(records.get(0).value()).isEqualTo(big);
      assertThat(text(records.get(1).value())).isEqualTo("value-2");
    }
  }

  @Test
  void concurrentProducersShareFsyncs() throws Exception {
    try (LocalLogBus bus = LocalLogBus.open(config(1 << 20))) {
      List<CompletableFuture<List<CompletableFuture<RecordPosition>>>> senders = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        senders.add(
            CompletableFuture.supplyAsync(
                () -> {
                  List<CompletableFuture<RecordPosition>> futures = new ArrayList<>();
                  for (int i = 0; i < 1000; i++) {
                    futures.add(bus.producer().send(TOPIC, key(i), value(i)));
                  }
                  return futures;
                }));
      }
      for (var sender : senders) {
        sender.get().forEach(LocalLogTesting::join);
      }
      LocalLogStats stats = bus.stats();
      assertThat(stats.records()).isEqualTo(4000);
      assertThat(stats.fsyncs()).isLessThan(stats.records() / 2);
    }
  }

  @Test
  void groupNamesAreFreeText() {
    try (LocalLogBus bus = LocalLogBus.open(config(1 << 20))) {
      sendAll(bus, 3);
      BusConsumer c = bus.consumer("tenant/../ä group", TOPIC);
      poll(c, 3);
      c.commit(Map.of(0, 0L, 1, 0L));
    }
    assertThat(GroupRegistry.directoryName("tenant/../ä group")).startsWith("~");
    assertThat(GroupRegistry.directoryName("chunker")).isEqualTo("chunker");
  }

  @Test
  void aConsumerReadingWhileProducersAppendAcrossRollsSeesEveryRecordOnceInOrder()
      throws Exception {
    try (LocalLogBus bus = LocalLogBus.open(config(2048))) {
      int total = 4 * 1500;
      CompletableFuture<List<BusRecord>> reading =
          CompletableFuture.supplyAsync(
              () -> {
                try (BusConsumer consumer = bus.consumer("live", TOPIC)) {
                  List<BusRecord> seen = new ArrayList<>();
                  long deadline = System.nanoTime() + WAIT.toNanos();
                  while (seen.size() < total && System.nanoTime() < deadline) {
                    seen.addAll(consumer.poll(Duration.ofMillis(200)));
                  }
                  return seen;
                }
              });
      List<CompletableFuture<Void>> producers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int id = t;
        producers.add(
            CompletableFuture.runAsync(
                () -> {
                  for (int i = 0; i < 1500; i++) {
                    join(bus.producer().send(TOPIC, key(i), value(id * 10_000 + i)));
                  }
                }));
      }
      producers.forEach(CompletableFuture::join);
      List<BusRecord> seen = reading.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(seen).hasSize(total);
      for (int p = 0; p < 2; p++) {
        int partition = p;
        assertThat(seen.stream().filter(r -> r.partition() == partition).map(BusRecord::offset))
            .isSorted()
            .doesNotHaveDuplicates()
            .hasSize((int) bus.consumer("end", TOPIC).endOffset(partition));
      }
    }
  }
}
