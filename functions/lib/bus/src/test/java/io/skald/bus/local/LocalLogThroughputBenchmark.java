package io.skald.bus.local;

import io.skald.bus.Bus;
import io.skald.bus.RecordPosition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Append throughput of the local log with group commit, 1 KiB records, 4 producer threads. Not a
 * timed test: run with {@code -Dtest=LocalLogThroughputBenchmark -Dskald.bench=true} and read the
 * printed figures.
 */
@EnabledIfSystemProperty(named = "skald.bench", matches = "true")
class LocalLogThroughputBenchmark {

  private static final int THREADS = 4;
  private static final int RECORD = 1024;

  @TempDir Path dir;

  @Test
  void appendThroughput() throws Exception {
    for (int round = 0; round < 3; round++) {
      Path home = dir.resolve("r" + round);
      try (LocalLogBus bus = LocalLogBus.open(LocalLogConfig.defaults(home))) {
        run("pipelined (1024 in flight per producer)", bus, 1024, Duration.ofSeconds(8));
      }
      try (LocalLogBus bus = LocalLogBus.open(LocalLogConfig.defaults(home.resolve("sync")))) {
        run("synchronous (1 in flight per producer)", bus, 1, Duration.ofSeconds(5));
      }
    }
  }

  private static void run(String mode, LocalLogBus bus, int window, Duration duration)
      throws Exception {
    AtomicLong sent = new AtomicLong();
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int id = t;
      Thread thread = new Thread(() -> produce(bus, id, window, end, sent));
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    LocalLogStats stats = bus.stats();
    System.out.printf(
        "%s: %,.0f records/s, %.1f MB/s of values, %.1f records per batch, "
            + "%.1f per fsync, %,d fsyncs/s%n",
        mode,
        sent.get() / seconds,
        sent.get() * RECORD / seconds / 1e6,
        (double) stats.records() / stats.batches(),
        stats.recordsPerFsync(),
        (long) (stats.fsyncs() / seconds));
  }

  private static void produce(Bus bus, int id, int window, long end, AtomicLong sent) {
    Random random = new Random(id);
    byte[] value = new byte[RECORD];
    random.nextBytes(value);
    ArrayDeque<CompletableFuture<RecordPosition>> inFlight = new ArrayDeque<>();
    long i = 0;
    while (System.nanoTime() < end) {
      byte[] key = ("tenant-" + id + "/stream-" + (i++ % 64)).getBytes();
      inFlight.add(bus.producer().send("logs.push", key, value));
      if (inFlight.size() >= window) {
        inFlight.poll().join();
        sent.incrementAndGet();
      }
    }
    while (!inFlight.isEmpty()) {
      inFlight.poll().join();
      sent.incrementAndGet();
    }
  }
}
