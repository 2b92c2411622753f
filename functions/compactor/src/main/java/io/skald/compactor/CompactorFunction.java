package io.skald.compactor;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.skald.bus.Bus;
import io.skald.bus.BusConsumer;
import io.skald.bus.DeadLetterPublisher;
import io.skald.index.IndexStore;
import io.skald.storage.ObjectStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/** Runs the index event loop on its own thread while the {@code compactor} target is active. */
@Context
@Requires(property = "skald.target", pattern = CompactorFunction.TARGETS)
public final class CompactorFunction {

  static final String TARGETS = "(.*,)?(all|compactor)(,.*)?";

  private final IndexEventLoop loop;
  private final Thread thread;

  public CompactorFunction(Bus bus, ObjectStore store, CompactorConfig config, MeterRegistry meters) {
    BusConsumer consumer = bus.consumer(config.consumerGroup(), config.storageEventsTopic());
    SegmentIndexer indexer = new SegmentIndexer(new IndexStore(store), meters);
    this.loop = new IndexEventLoop(consumer, indexer,
        new DeadLetterPublisher(bus.producer(), config.deadLetterTopic()));
    this.thread = new Thread(() -> {
      try {
        loop.run();
      } finally {
        consumer.close();
      }
    }, "skald-compactor-index");
  }

  @PostConstruct
  void start() {
    thread.start();
  }

  @PreDestroy
  void stop() throws InterruptedException {
    loop.stop();
    thread.join(15_000);
  }
}
