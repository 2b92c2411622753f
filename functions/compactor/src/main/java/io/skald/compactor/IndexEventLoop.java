package io.skald.compactor;

import io.skald.bus.BusConsumer;
import io.skald.bus.BusRecord;
import io.skald.bus.DeadLetterPublisher;
import io.skald.events.v1.ObjectCreated;
import io.skald.index.CorruptIndexException;
import io.skald.schemas.MalformedEventException;
import io.skald.schemas.Topics;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes {@code ObjectCreated} events and indexes the segments they name. A batch is committed
 * only after the indexes it changed are written; a failed batch is re-read from the last commit.
 * Events that can never be processed go to the dead-letter topic and do not stop the partition. A
 * batch holds the process's index lock ({@link SharedIndexer}) until its indexes are written.
 */
public final class IndexEventLoop implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(IndexEventLoop.class);

  private final BusConsumer consumer;
  private final SharedIndexer indexer;
  private final DeadLetterPublisher deadLetters;
  private volatile boolean running = true;

  public IndexEventLoop(
      BusConsumer consumer, SharedIndexer indexer, DeadLetterPublisher deadLetters) {
    this.consumer = consumer;
    this.indexer = indexer;
    this.deadLetters = deadLetters;
  }

  @Override
  public void run() {
    Duration retryDelay = Duration.ofMillis(100);
    while (running) {
      List<BusRecord> records = consumer.poll(Duration.ofMillis(200));
      if (records.isEmpty()) {
        continue;
      }
      try {
        Map<Integer, Long> next =
            indexer.indexAndFlush(
                ix -> {
                  Map<Integer, Long> offsets = new HashMap<>();
                  for (BusRecord r : records) {
                    handle(ix, r);
                    offsets.put(r.partition(), r.offset() + 1);
                  }
                  return offsets;
                });
        consumer.commit(next);
        retryDelay = Duration.ofMillis(100);
      } catch (IOException | CorruptIndexException | RuntimeException e) {
        LOG.warn("cannot index batch (will retry from the last commit): {}", e.toString());
        rewind();
        pause(retryDelay);
        retryDelay =
            retryDelay.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0
                ? Duration.ofSeconds(5)
                : retryDelay.multipliedBy(2);
      }
    }
  }

  private void handle(SegmentIndexer indexer, BusRecord r)
      throws IOException, CorruptIndexException {
    ObjectCreated event;
    try {
      event = Topics.OBJECT_CREATED.decode(r.value());
    } catch (MalformedEventException e) {
      deadLetter(r, e.getMessage());
      return;
    }
    String reason = SegmentIndexer.deadLetterReason(indexer.index(event), event);
    if (reason != null) {
      deadLetter(r, reason);
    }
  }

  private void deadLetter(BusRecord r, String reason) throws IOException {
    LOG.warn("dead-lettering {}/{}@{}: {}", r.topic(), r.partition(), r.offset(), reason);
    try {
      deadLetters.publish(r, reason).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IOException("cannot dead-letter: " + e.getCause(), e.getCause());
    }
  }

  /**
   * Back to the committed offsets, retried while the bus is unreachable: giving up would either end
   * the loop or, worse, skip the failed batch and leave its segments unindexed.
   */
  private void rewind() {
    Duration delay = Duration.ofMillis(100);
    while (running) {
      try {
        for (int p : consumer.assignment()) {
          consumer.seekToCommitted(p);
        }
        return;
      } catch (RuntimeException e) {
        LOG.warn("cannot rewind to the last commit (will retry): {}", e.toString());
        pause(delay);
        delay =
            delay.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0
                ? Duration.ofSeconds(5)
                : delay.multipliedBy(2);
      }
    }
  }

  private void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  public void stop() {
    running = false;
    consumer.wakeup();
  }
}
