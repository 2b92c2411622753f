package io.skald.routes.storageevents.route;

import io.skald.bus.Bus;
import io.skald.bus.BusConsumer;
import io.skald.bus.DeadLetterPublisher;
import java.time.Duration;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The storage-events route running: its own Camel context with {@link StorageEventsRoute} and a
 * {@link BusFeed} thread consuming the notification topic into it. A Camel context of its own keeps
 * the push route's context (and its {@code ProducerTemplate} bean) untouched.
 */
public final class StorageEventsPipeline implements AutoCloseable {

  /** Where notifications come from and where their results go. */
  public record Topics(String source, String target, String deadLetter, String consumerGroup) {}

  private final DefaultCamelContext camel;
  private final ProducerTemplate template;
  private final BusFeed feed;
  private final Thread thread;

  private StorageEventsPipeline(Bus bus, Topics topics, String bucket) throws Exception {
    NotificationSteps steps =
        new NotificationSteps(
            new NotificationNormaliser(bucket),
            bus.producer(),
            topics.target(),
            new DeadLetterPublisher(bus.producer(), topics.deadLetter()));
    camel = new DefaultCamelContext();
    camel.getCamelContextExtension().setName("skald-storage-events");
    BusConsumer consumer;
    try {
      camel.addRoutes(new StorageEventsRoute(steps));
      camel.start();
      template = camel.createProducerTemplate();
      consumer = bus.consumer(topics.consumerGroup(), topics.source());
    } catch (Exception | Error e) {
      camel.close();
      throw e;
    }
    feed = new BusFeed(consumer, r -> template.requestBody(StorageEventsRoute.ENDPOINT, r));
    thread =
        new Thread(
            () -> {
              try {
                feed.run();
              } finally {
                consumer.close();
              }
            },
            "skald-storage-events");
  }

  /**
   * Starts the route and its feed; notifications for buckets other than {@code bucket} are
   * dead-lettered.
   */
  public static StorageEventsPipeline start(Bus bus, Topics topics, String bucket)
      throws Exception {
    StorageEventsPipeline p = new StorageEventsPipeline(bus, topics, bucket);
    p.thread.start();
    return p;
  }

  /** False once the feed thread has ended: nothing is read from the notification topic any more. */
  public boolean isRunning() {
    return thread.isAlive();
  }

  @Override
  public void close() throws Exception {
    feed.stop();
    thread.join(Duration.ofSeconds(15).toMillis());
    template.close();
    camel.close();
  }
}
