package io.skald.compactor;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.skald.bus.Bus;
import io.skald.bus.BusConsumer;
import io.skald.bus.DeadLetterPublisher;
import io.skald.health.ReadinessCheck;
import io.skald.health.Targets;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * Runs the index event loop on its own thread while the {@code compactor} target is active, unless
 * {@code skald.compactor.consume-bus} is off: then events arrive over HTTP as CloudEvents
 * (Knative's KafkaSource holds the partitions) and a loop of our own would only index everything
 * twice.
 */
@Context
@Requires(property = "skald.target", pattern = Targets.COMPACTOR)
public final class CompactorFunction implements ReadinessCheck {

  private final IndexEventLoop loop;
  private final Thread thread;

  public CompactorFunction(Bus bus, SharedIndexer indexer, CompactorConfig config) {
    if (!config.consumeBus()) {
      this.loop = null;
      this.thread = null;
      return;
    }
    BusConsumer consumer = bus.consumer(config.consumerGroup(), config.storageEventsTopic());
    this.loop =
        new IndexEventLoop(
            consumer, indexer, new DeadLetterPublisher(bus.producer(), config.deadLetterTopic()));
    this.thread =
        new Thread(
            () -> {
              try {
                loop.run();
              } finally {
                consumer.close();
              }
            },
            "skald-compactor-index");
  }

  @PostConstruct
  void start() {
    if (thread != null) {
      thread.start();
    }
  }

  @Override
  public String name() {
    return "compactor";
  }

  /** A dead loop thread leaves the process up but indexing nothing: report it. */
  @Override
  public void check() {
    if (thread != null && !thread.isAlive()) {
      throw new IllegalStateException(
          "the index loop is not running (see the log for its last error)");
    }
  }

  @PreDestroy
  void stop() throws InterruptedException {
    if (thread != null) {
      loop.stop();
      thread.join(15_000);
    }
  }
}
