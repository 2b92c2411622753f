package io.skald.compactor.events;

import io.cloudevents.CloudEvent;
import io.skald.bus.BusUnavailableException;
import io.skald.bus.DeadLetterPublisher;
import io.skald.compactor.SegmentIndexer;
import io.skald.compactor.SharedIndexer;
import io.skald.events.v1.ObjectCreated;
import io.skald.index.CorruptIndexException;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /events/storage}: indexes the segment an {@code ObjectCreated} CloudEvent names with
 * the same {@link SegmentIndexer} and lock as the bus loop, and answers only once the index is
 * written. An event that can never be indexed is put on the dead-letter topic with its reason and
 * answered 2xx, so Knative does not retry it forever; transient trouble is 5xx, so it does.
 */
public final class StorageEventHandler {

  private static final Logger LOG = LoggerFactory.getLogger(StorageEventHandler.class);

  private final SharedIndexer indexer;
  private final DeadLetterPublisher deadLetters;
  private final Clock clock;

  public StorageEventHandler(SharedIndexer indexer, DeadLetterPublisher deadLetters, Clock clock) {
    this.indexer = indexer;
    this.deadLetters = deadLetters;
    this.clock = clock;
  }

  public EventReply handle(Map<String, List<String>> headers, byte[] body) {
    CloudEvent event;
    try {
      event = CloudEventRequests.read(headers, body);
    } catch (InvalidEventException e) {
      return EventReply.invalid(e.getMessage());
    }
    try {
      ObjectCreated created;
      try {
        created = ObjectCreatedData.decode(event);
      } catch (InvalidEventException e) {
        return deadLetter(event, e.getMessage());
      }
      SegmentIndexer.Outcome outcome = indexer.indexAndFlush(ix -> ix.index(created));
      String reason = SegmentIndexer.deadLetterReason(outcome, created);
      return reason == null
          ? EventReply.handled(outcome.name().toLowerCase(Locale.ROOT) + " " + created.getKey())
          : deadLetter(event, reason);
    } catch (IOException | BusUnavailableException e) {
      LOG.warn("storage event {} not handled, Knative will retry: {}", event.getId(), e.toString());
      return EventReply.unavailable("cannot index now: " + e.getMessage());
    } catch (CorruptIndexException | RuntimeException e) {
      LOG.error("storage event {} failed", event.getId(), e);
      return EventReply.failed("cannot index: " + e.getMessage());
    }
  }

  private EventReply deadLetter(CloudEvent event, String reason) throws IOException {
    LOG.warn("dead-lettering CloudEvent {} from {}: {}", event.getId(), event.getSource(), reason);
    try {
      deadLetters
          .publish(
              EventOrigin.record(event, CloudEventRequests.data(event), clock.millis()), reason)
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while dead-lettering", e);
    } catch (ExecutionException e) {
      throw new IOException(
          "cannot dead-letter to " + deadLetters.topic() + ": " + e.getCause(), e.getCause());
    }
    return EventReply.handled("dead-lettered: " + reason);
  }
}
