package io.skald.routes.storageevents.route;

import io.skald.bus.BusConsumer;
import io.skald.bus.BusRecord;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds a Camel route from a topic through the {@code Bus} port, so the route runs the same on the
 * local log and on Kafka. Polls, hands each record to the route, and commits a batch only after the
 * route returned for every record in it; when the route throws (the bus could not make its output
 * durable) the batch is read again from the last commit after a back-off. Bad input never throws
 * here: the route dead-letters it, so a partition never stops on it.
 */
public final class BusFeed implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(BusFeed.class);
  private static final Duration FIRST_RETRY = Duration.ofMillis(100);
  private static final Duration MAX_RETRY = Duration.ofSeconds(5);

  private final BusConsumer consumer;
  private final Consumer<BusRecord> route;
  private final CountDownLatch stopped = new CountDownLatch(1);

  public BusFeed(BusConsumer consumer, Consumer<BusRecord> route) {
    this.consumer = consumer;
    this.route = route;
  }

  @Override
  public void run() {
    Duration retry = FIRST_RETRY;
    while (stopped.getCount() > 0) {
      List<BusRecord> records = consumer.poll(Duration.ofMillis(200));
      if (records.isEmpty()) {
        continue;
      }
      try {
        Map<Integer, Long> next = new HashMap<>();
        for (BusRecord r : records) {
          route.accept(r);
          next.put(r.partition(), r.nextOffset());
        }
        consumer.commit(next);
        retry = FIRST_RETRY;
      } catch (RuntimeException e) {
        LOG.warn(
            "cannot route {} (will retry from the last commit): {}",
            records.get(0).topic(),
            e.toString());
        for (int p : consumer.assignment()) {
          consumer.seekToCommitted(p);
        }
        pause(retry);
        retry = retry.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : retry.multipliedBy(2);
      }
    }
  }

  /** Waits out a back-off, but returns at once when the feed is stopped. */
  private void pause(Duration d) {
    try {
      stopped.await(d.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped.countDown();
    }
  }

  public void stop() {
    stopped.countDown();
    consumer.wakeup();
  }
}
