package io.skald.chunker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.skald.bus.BusCommitFailedException;
import io.skald.bus.BusConsumer;
import io.skald.bus.BusRecord;
import io.skald.bus.BusUnavailableException;
import io.skald.bus.DeadLetterPublisher;
import io.skald.events.v1.LogBatch;
import io.skald.schemas.MalformedEventException;
import io.skald.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chunker's consume loop: read {@code LogBatch} records, collect them into per-partition,
 * per-tenant, per-day segments, and on each flush write the segments, then commit the offsets.
 * Offsets are committed only after the objects holding those entries are written, so a crash
 * replays from the last commit and rewrites the same keys.
 */
public final class Chunker implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(Chunker.class);
  private static final Duration MAX_POLL = Duration.ofMillis(200);
  private static final Duration FINAL_FLUSH = Duration.ofSeconds(10);

  private final BusConsumer consumer;
  private final SegmentFlusher flusher;
  private final DeadLetterPublisher deadLetters;
  private final ChunkerConfig config;
  private final LongSupplier nanoTime;
  private final ChunkBuffer buffer;
  private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));
  private final Counter deadLettered;
  private final Counter entriesConsumed;
  private final Counter commitFailures;
  private volatile boolean running = true;

  public Chunker(
      BusConsumer consumer,
      SegmentFlusher flusher,
      DeadLetterPublisher deadLetters,
      ChunkerConfig config,
      LongSupplier nanoTime,
      MeterRegistry meters) {
    this.consumer = consumer;
    this.flusher = flusher;
    this.deadLetters = deadLetters;
    this.config = config;
    this.nanoTime = nanoTime;
    this.buffer = new ChunkBuffer(config.zstdLevel());
    this.deadLettered = meters.counter("skald_chunker_dead_lettered_total");
    this.entriesConsumed = meters.counter("skald_chunker_entries_consumed_total");
    this.commitFailures = meters.counter("skald_chunker_commit_failures_total");
    consumer.onRevoked(buffer::drop);
  }

  @Override
  public void run() {
    try {
      while (running) {
        List<BusRecord> records = consumer.poll(pollTimeout());
        for (BusRecord r : records) {
          accept(r);
        }
        if (dueForFlush()) {
          flushAndCommit(() -> running);
        }
      }
      // A clean stop still flushes (for a bounded time), so a graceful shutdown replays nothing.
      long deadline = nanoTime.getAsLong() + FINAL_FLUSH.toNanos();
      if (!buffer.isEmpty()) {
        flushAndCommit(() -> nanoTime.getAsLong() < deadline);
      }
    } catch (RuntimeException e) {
      LOG.error("chunker loop failed; uncommitted records will be replayed", e);
      throw e;
    }
  }

  private void accept(BusRecord r) {
    long now = nanoTime.getAsLong();
    LogBatch batch;
    try {
      batch = Topics.LOG_BATCH.decode(r.value());
    } catch (MalformedEventException e) {
      deadLetter(r, e.getMessage());
      buffer.markConsumed(r.partition(), r.offset(), now);
      return;
    }
    buffer.add(r.partition(), r.offset(), batch, now);
    entriesConsumed.increment(batch.getEntries().size());
  }

  private void deadLetter(BusRecord r, String reason) {
    LOG.warn("dead-lettering {}/{}@{}: {}", r.topic(), r.partition(), r.offset(), reason);
    try {
      deadLetters.publish(r, reason).get();
      deadLettered.increment();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // Not committing is the safe answer: the record is consumed again after a restart.
      throw new IllegalStateException(
          "cannot dead-letter " + r.topic() + "@" + r.offset(), e.getCause());
    }
  }

  private Duration pollTimeout() {
    if (buffer.isEmpty()) {
      return MAX_POLL;
    }
    long waited = nanoTime.getAsLong() - buffer.oldestNanos();
    long left = config.flushInterval().toNanos() - waited;
    return Duration.ofNanos(Math.max(1_000_000L, Math.min(left, MAX_POLL.toNanos())));
  }

  private boolean dueForFlush() {
    if (buffer.isEmpty()) {
      return false;
    }
    return buffer.rawBytes() >= config.maxBufferBytes()
        || nanoTime.getAsLong() - buffer.oldestNanos() >= config.flushInterval().toNanos();
  }

  private void flushAndCommit(BooleanSupplier keepTrying) {
    if (!flusher.flush(buffer.segments(), keepTrying, backoff)) {
      return;
    }
    try {
      consumer.commit(buffer.nextOffsets());
    } catch (BusUnavailableException e) {
      // The objects are written, only the commit is missing (the bus went away in between). Keep
      // the buffer: the next flush rewrites the same keys with a superset and commits again.
      commitFailures.increment();
      LOG.warn("cannot commit offsets (will retry with the next flush): {}", e.getMessage());
      backoff.pause();
      return;
    } catch (BusCommitFailedException e) {
      commitFailures.increment();
      LOG.warn("offsets not committed, the partitions were reassigned: {}", e.getMessage());
      rewind(buffer.nextOffsets().keySet());
    }
    buffer.clear();
  }

  /**
   * Puts partitions this consumer still owns back at the committed offset, so their entries are
   * read and written again instead of skipped; partitions now owned elsewhere are replayed by their
   * new owner. Retries while the bus is unreachable: skipping the rewind would lose entries.
   */
  private void rewind(Set<Integer> partitions) {
    while (running) {
      try {
        for (int p : partitions) {
          if (consumer.assignment().contains(p)) {
            consumer.seekToCommitted(p);
          }
        }
        return;
      } catch (BusUnavailableException e) {
        LOG.warn("cannot rewind to the committed offsets (will retry): {}", e.getMessage());
        if (!backoff.pause()) {
          return;
        }
      }
    }
  }

  /** Asks the loop to stop after a final flush; safe from any thread. */
  public void stop() {
    running = false;
    consumer.wakeup();
  }
}
