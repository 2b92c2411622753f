package io.skald.chunker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.skald.bus.BusProducer;
import io.skald.events.v1.ObjectCreated;
import io.skald.layout.ObjectKeys;
import io.skald.schemas.Topics;
import io.skald.storage.ObjectStore;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes pending segments to the object store under their deterministic keys and announces each
 * with an {@code ObjectCreated} event. Retries with backoff until it succeeds or the chunker stops:
 * the caller commits bus offsets only after this returns true.
 */
final class SegmentFlusher {

  private static final Logger LOG = LoggerFactory.getLogger(SegmentFlusher.class);

  private final ObjectStore store;
  private final BusProducer producer;
  private final ChunkerConfig config;
  private final Clock clock;
  private final Counter segmentsWritten;
  private final Counter bytesWritten;
  private final Counter failures;

  SegmentFlusher(
      ObjectStore store,
      BusProducer producer,
      ChunkerConfig config,
      Clock clock,
      MeterRegistry meters) {
    this.store = store;
    this.producer = producer;
    this.config = config;
    this.clock = clock;
    this.segmentsWritten = meters.counter("skald_chunker_segments_written_total");
    this.bytesWritten = meters.counter("skald_chunker_segment_bytes_written_total");
    this.failures = meters.counter("skald_chunker_flush_failures_total");
  }

  /** Returns false only when {@code running} turned false before every segment was durable. */
  boolean flush(Collection<PendingSegment> pending, BooleanSupplier running, Backoff backoff) {
    List<Written> written = new ArrayList<>(pending.size());
    for (PendingSegment p : pending) {
      if (p.writer.isEmpty()) {
        continue;
      }
      String key = ObjectKeys.segment(p.tenant, p.day, p.partition, p.firstOffset);
      byte[] bytes = p.bytes();
      if (!retry(() -> store.put(key, bytes), "write " + key, running, backoff)) {
        return false;
      }
      segmentsWritten.increment();
      bytesWritten.increment(bytes.length);
      written.add(new Written(key, bytes.length));
    }
    if (config.publishObjectEvents()) {
      for (Written w : written) {
        if (!retry(() -> announce(w), "announce " + w.key, running, backoff)) {
          return false;
        }
      }
    }
    return true;
  }

  private record Written(String key, long size) {}

  private void announce(Written w) throws IOException {
    ObjectCreated event =
        ObjectCreated.newBuilder()
            .setBucket(store.bucket())
            .setKey(w.key)
            .setSize(w.size)
            .setEventTimeMillis(clock.millis())
            .setSource("writer")
            .build();
    try {
      producer
          .send(
              config.storageEventsTopic(),
              Topics.OBJECT_CREATED.key(event),
              Topics.OBJECT_CREATED.encode(event))
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while announcing " + w.key, e);
    } catch (ExecutionException e) {
      throw new IOException(
          "cannot announce " + w.key + ": " + e.getCause().getMessage(), e.getCause());
    }
  }

  private interface Attempt {
    void run() throws IOException;
  }

  private boolean retry(Attempt attempt, String what, BooleanSupplier running, Backoff backoff) {
    while (running.getAsBoolean()) {
      try {
        attempt.run();
        backoff.reset();
        return true;
      } catch (IOException | RuntimeException e) {
        failures.increment();
        LOG.warn("cannot {} (will retry): {}", what, e.toString());
        if (!backoff.pause()) {
          return false;
        }
      }
    }
    return false;
  }
}
