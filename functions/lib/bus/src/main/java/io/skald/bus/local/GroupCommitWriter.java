package io.skald.bus.local;

import io.skald.bus.BusUnavailableException;
import io.skald.bus.RecordPosition;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Group commit: producers enqueue records; one writer thread takes everything queued, appends it,
 * fsyncs each touched partition once and only then completes the futures, so concurrent producers
 * share fsyncs. Futures complete on a separate thread so callbacks cannot stall the writer. A
 * watchdog fails futures that are not durable within the send timeout (e.g. a hung disk).
 */
final class GroupCommitWriter {

  static final long BUFFER_BYTES = 64L << 20;
  private static final int MAX_BATCH = 8192;
  private static final PendingAppend STOP = new PendingAppend(null, 0, null, new byte[0], 0);

  private final LinkedBlockingQueue<PendingAppend> queue = new LinkedBlockingQueue<>();
  private final Semaphore buffer = new Semaphore((int) BUFFER_BYTES);
  private final long timeoutNanos;
  private final Thread writer;
  private final ExecutorService completer;
  private final ScheduledExecutorService watchdog;
  private final ParallelSync syncer = new ParallelSync(8);
  private final LongAdder records = new LongAdder();
  private final LongAdder batches = new LongAdder();
  private final LongAdder fsyncs = new LongAdder();
  private volatile boolean closed;
  private volatile boolean halted;
  private volatile List<PendingAppend> inFlight = List.of();
  private volatile long inFlightSince;

  GroupCommitWriter(Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
    this.completer = Executors.newSingleThreadExecutor(r -> daemon(r, "skald-bus-complete"));
    this.watchdog =
        Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "skald-bus-watchdog"));
    long period = Math.max(10, Math.min(1000, timeout.toMillis() / 4));
    watchdog.scheduleAtFixedRate(this::expire, period, period, TimeUnit.MILLISECONDS);
    this.writer = daemon(this::run, "skald-bus-writer");
    writer.start();
  }

  CompletableFuture<RecordPosition> submit(
      LocalTopic topic, int partition, byte[] key, byte[] value) {
    int permits = (int) Math.min(FrameCodec.frameSize(key, value), BUFFER_BYTES);
    PendingAppend append = new PendingAppend(topic, partition, key, value, permits);
    if (closed) {
      return fail(append, "the bus is closed");
    }
    try {
      if (!buffer.tryAcquire(permits, timeoutNanos, TimeUnit.NANOSECONDS)) {
        return fail(append, "producer buffer stayed full for " + Duration.ofNanos(timeoutNanos));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail(append, "interrupted while waiting for producer buffer");
    }
    queue.add(append);
    // close() may have drained the queue between the check above and the add.
    if (closed && queue.remove(append)) {
      buffer.release(permits);
      return fail(append, "the bus is closed");
    }
    return append.future;
  }

  /** Whether appends are still written: not closed and the writer thread has not died. */
  boolean running() {
    return !closed && writer.isAlive();
  }

  LocalLogStats stats() {
    return new LocalLogStats(records.sum(), batches.sum(), fsyncs.sum());
  }

  /** Writes everything already submitted, then stops. */
  void close() {
    closed = true;
    stop();
    completer.shutdown();
    try {
      completer.awaitTermination(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops at once as a crash would: queued records are neither written nor acknowledged. */
  void halt() {
    halted = true;
    close();
  }

  private void stop() {
    queue.add(STOP);
    try {
      writer.join(TimeUnit.NANOSECONDS.toMillis(timeoutNanos) * 2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    watchdog.shutdownNow();
    syncer.close();
    PendingAppend left;
    while ((left = queue.poll()) != null) {
      if (left != STOP) {
        fail(left, "the bus is closed");
      }
    }
  }

  private void run() {
    boolean stopping = false;
    while (!halted) {
      List<PendingAppend> batch = new ArrayList<>();
      try {
        batch.add(stopping ? queue.poll() : queue.take());
      } catch (InterruptedException e) {
        continue;
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      stopping |= batch.removeIf(a -> a == STOP || a == null);
      if (batch.isEmpty()) {
        if (stopping) {
          return;
        }
        continue;
      }
      if (halted) {
        batch.forEach(a -> fail(a, "the bus was halted"));
      } else {
        write(batch);
      }
    }
  }

  private void write(List<PendingAppend> batch) {
    inFlightSince = System.nanoTime();
    inFlight = batch;
    Map<PartitionLog, IOException> failed = new IdentityHashMap<>();
    Map<PartitionLog, DataSignal> dirty = new LinkedHashMap<>();
    for (PendingAppend a : batch) {
      PartitionLog log = a.log();
      if (a.future.isDone() || failed.containsKey(log)) {
        continue;
      }
      try {
        a.offset = log.append(a.key, a.value, a.timestamp);
        dirty.put(log, a.topic.signal());
      } catch (IOException e) {
        failed.put(log, e);
        log.recover();
      }
    }
    Set<DataSignal> signals = new LinkedHashSet<>();
    dirty.keySet().removeAll(failed.keySet());
    syncer
        .syncAll(dirty.keySet())
        .forEach(
            (log, error) -> {
              if (error == null) {
                fsyncs.increment();
                signals.add(dirty.get(log));
              } else {
                failed.put(log, error);
                log.recover();
              }
            });
    signals.forEach(DataSignal::signalAll);
    records.add(batch.size());
    batches.increment();
    inFlight = List.of();
    completer.execute(() -> complete(batch, failed));
  }

  private void complete(List<PendingAppend> batch, Map<PartitionLog, IOException> failed) {
    for (PendingAppend a : batch) {
      buffer.release(a.permits);
      IOException error = failed.get(a.log());
      if (error != null) {
        a.future.completeExceptionally(
            new BusUnavailableException(
                "cannot store record in " + a.log() + ": " + error.getMessage(), error));
      } else if (a.offset >= 0) {
        a.future.complete(new RecordPosition(a.topic.name(), a.partition, a.offset));
      }
    }
  }

  /** Watchdog: fail what has waited longer than the timeout (a stuck write or fsync). */
  private void expire() {
    long now = System.nanoTime();
    if (now - inFlightSince > timeoutNanos) {
      inFlight.forEach(a -> fail(a, "not durable within " + Duration.ofNanos(timeoutNanos)));
    }
    for (PendingAppend a : queue) {
      if (a == STOP) {
        continue;
      }
      if (now - a.enqueuedNanos <= timeoutNanos) {
        return;
      }
      fail(a, "not durable within " + Duration.ofNanos(timeoutNanos));
    }
  }

  private static CompletableFuture<RecordPosition> fail(PendingAppend a, String why) {
    a.future.completeExceptionally(new BusUnavailableException("local log: " + why));
    return a.future;
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
