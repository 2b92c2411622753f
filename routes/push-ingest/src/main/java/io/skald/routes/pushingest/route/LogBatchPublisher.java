package io.skald.routes.pushingest.route;

import io.skald.bus.BusProducer;
import io.skald.bus.BusUnavailableException;
import io.skald.events.v1.LabelPair;
import io.skald.events.v1.LogBatch;
import io.skald.events.v1.LogEntry;
import io.skald.routes.pushingest.model.MetadataPair;
import io.skald.routes.pushingest.model.PushEntry;
import io.skald.routes.pushingest.validate.ValidStream;
import io.skald.schemas.Topics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Turns each accepted stream into one Avro {@code LogBatch} on the bus, keyed by tenant and stream
 * so a stream stays in one partition and in order, and returns only when every record is durable.
 * Anything short of that is a {@link BusUnavailableException}: the client gets 503 and retries;
 * records that did land are deduplicated downstream.
 */
public final class LogBatchPublisher {

  private final BusProducer producer;
  private final String topic;
  private final Clock clock;

  public LogBatchPublisher(BusProducer producer, String topic, Clock clock) {
    this.producer = producer;
    this.topic = topic;
    this.clock = clock;
  }

  public TenantPush.Validated publish(TenantPush.Validated validated) {
    long now = clock.millis();
    List<CompletableFuture<?>> pending = new ArrayList<>();
    for (ValidStream stream : validated.push().streams()) {
      LogBatch batch =
          LogBatch.newBuilder()
              .setTenant(validated.tenant())
              .setLabels(stream.canonicalLabels())
              .setEntries(entries(stream.entries()))
              .setReceivedAtMillis(now)
              .build();
      pending.add(
          producer.send(topic, Topics.LOG_BATCH.key(batch), Topics.LOG_BATCH.encode(batch)));
    }
    try {
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BusUnavailableException("interrupted while waiting for the bus", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof BusUnavailableException b
          ? b
          : new BusUnavailableException(
              "the bus did not accept the batch: " + e.getCause(), e.getCause());
    }
    return validated;
  }

  private static List<LogEntry> entries(List<PushEntry> in) {
    List<LogEntry> out = new ArrayList<>(in.size());
    for (PushEntry e : in) {
      List<LabelPair> sm = new ArrayList<>(e.structuredMetadata().size());
      for (MetadataPair p : e.structuredMetadata()) {
        sm.add(new LabelPair(p.name(), p.value()));
      }
      out.add(new LogEntry(e.timestampNanos(), e.line(), sm));
    }
    return out;
  }
}
