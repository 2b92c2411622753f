package io.skald.bus.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.skald.bus.BusConsumer;
import io.skald.bus.BusRecord;
import io.skald.bus.RecordPosition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Shared helpers of the local-log tests. */
final class LocalLogTesting {

  static final Duration WAIT = Duration.ofSeconds(30);
  static final String TOPIC = "logs.push";

  private LocalLogTesting() {}

  static void sendAll(LocalLogBus bus, int n) {
    List<CompletableFuture<RecordPosition>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      futures.add(bus.producer().send(TOPIC, key(i), value(i)));
    }
    futures.forEach(LocalLogTesting::join);
  }

  static List<BusRecord> readAll(LocalLogBus bus, String group, int n) {
    return poll(bus.consumer(group, TOPIC), n);
  }

  static List<BusRecord> poll(BusConsumer consumer, int n) {
    List<BusRecord> records = new ArrayList<>();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (records.size() < n && System.nanoTime() < deadline) {
      records.addAll(consumer.poll(Duration.ofMillis(200)));
    }
    assertThat(records).hasSize(n);
    assertThat(consumer.poll(Duration.ZERO)).isEmpty();
    return records;
  }

  static RecordPosition join(CompletableFuture<RecordPosition> f) {
    return f.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
  }

  static Path lastSegment(Path partitionDir) throws IOException {
    try (Stream<Path> files = Files.list(partitionDir)) {
      return files.filter(Segment::isSegmentFile).sorted().reduce((a, b) -> b).orElseThrow();
    }
  }

  static byte[] key(int i) {
    return ("key-" + i).getBytes(StandardCharsets.UTF_8);
  }

  static byte[] value(int i) {
    return ("value-" + i).getBytes(StandardCharsets.UTF_8);
  }

  static List<String> values(int n) {
    return IntStream.range(0, n).mapToObj(i -> "value-" + i).toList();
  }

  static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
