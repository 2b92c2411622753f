package io.skald.compactor;

import io.skald.bus.BusConsumer;
import io.skald.bus.BusRecord;
import io.skald.bus.DeadLetterPublisher;
import io.skald.events.v1.ObjectCreated;
import io.skald.index.CorruptIndexException;
import java.io.IOException;
import java.nio.ByteBuffer;
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
 * Events that can never be processed go to the dead-letter topic and do not stop the partition.
 */
public final class IndexEventLoop implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(IndexEventLoop.class);

  private final BusConsumer consumer;
  private final SegmentIndexer indexer;
  private final DeadLetterPublisher deadLetters;
  private volatile boolean running = true;

  public IndexEventLoop(BusConsumer consumer, SegmentIndexer indexer, DeadLetterPublisher deadLetters) {
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
        Map<Integer, Long> next = new HashMap<>();
        for (BusRecord r : records) {
          handle(r);
          next.put(r.partition(), r.offset() + 1);
        }
        indexer.flush();
        consumer.commit(next);
        retryDelay = Duration.ofMillis(100);
      } catch (IOException | CorruptIndexException | RuntimeException e) {
        LOG.warn("cannot index batch (will retry from the last commit): {}", e.toString());
        for (int p : consumer.assignment()) {
          consumer.seekToCommitted(p);
        }
        pause(retryDelay);
        retryDelay = retryDelay.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0
            ? Duration.ofSeconds(5) : retryDelay.multipliedBy(2);
      }
    }
  }

  private void handle(BusRecord r) throws IOException, CorruptIndexException {
    ObjectCreated event;
    try {
      event = ObjectCreated.fromByteBuffer(ByteBuffer.wrap(r.value()));
    } catch (Exception e) {
      deadLetter(r, "cannot decode ObjectCreated: " + e.getMessage());
      return;
    }
    SegmentIndexer.Outcome outcome = indexer.index(event);
    switch (outcome) {
      case INDEXED, SKIPPED -> { }
      case NOT_A_SEGMENT -> deadLetter(r, "not a segment key: " + event.getKey());
      case FOREIGN_BUCKET -> deadLetter(r, "object in foreign bucket: " + event.getBucket());
      case CORRUPT -> deadLetter(r, "corrupt segment: " + event.getKey());
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
