package io.skald.chunker;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.skald.bus.Bus;
import io.skald.bus.BusConsumer;
import io.skald.bus.DeadLetterPublisher;
import io.skald.health.ReadinessCheck;
import io.skald.health.Targets;
import io.skald.storage.ObjectStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;

/** Runs the chunker loop on its own thread while the {@code chunker} target is active. */
@Context
@Requires(property = "skald.target", pattern = Targets.CHUNKER)
public final class ChunkerFunction implements ReadinessCheck {

  private final Chunker chunker;
  private final Thread thread;

  public ChunkerFunction(
      Bus bus, ObjectStore store, ChunkerConfig config, Clock clock, MeterRegistry meters) {
    BusConsumer consumer = bus.consumer(config.consumerGroup(), config.topic());
    SegmentFlusher flusher = new SegmentFlusher(store, bus.producer(), config, clock, meters);
    DeadLetterPublisher deadLetters =
        new DeadLetterPublisher(bus.producer(), config.deadLetterTopic());
    this.chunker = new Chunker(consumer, flusher, deadLetters, config, System::nanoTime, meters);
    this.thread =
        new Thread(
            () -> {
              try {
                chunker.run();
              } finally {
                consumer.close();
              }
            },
            "skald-chunker");
  }

  @PostConstruct
  void start() {
    thread.start();
  }

  @PreDestroy
  void stop() throws InterruptedException {
    chunker.stop();
    thread.join(Duration.ofSeconds(15).toMillis());
  }

  public boolean isRunning() {
    return thread.isAlive();
  }

  @Override
  public String name() {
    return "chunker";
  }

  /** A dead loop thread leaves the process up but consuming nothing: report it. */
  @Override
  public void check() {
    if (!isRunning()) {
      throw new IllegalStateException(
          "the consume loop is not running (see the log for its last error)");
    }
  }
}
