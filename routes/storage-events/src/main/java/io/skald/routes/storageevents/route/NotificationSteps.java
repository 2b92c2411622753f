package io.skald.routes.storageevents.route;

import io.skald.bus.BusProducer;
import io.skald.bus.BusRecord;
import io.skald.bus.BusUnavailableException;
import io.skald.bus.DeadLetterPublisher;
import io.skald.events.v1.ObjectCreated;
import io.skald.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage-events route's steps as plain methods: normalise, publish the events, dead-letter
 * what was rejected. Each step returns only once what it sent is durable, so the feed may commit
 * the notification's offset after the route returns; a bus that cannot make it durable throws
 * {@link BusUnavailableException} and the notification is read again.
 */
public final class NotificationSteps {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationSteps.class);

  private final NotificationNormaliser normaliser;
  private final BusProducer producer;
  private final String targetTopic;
  private final DeadLetterPublisher deadLetters;

  public NotificationSteps(
      NotificationNormaliser normaliser,
      BusProducer producer,
      String targetTopic,
      DeadLetterPublisher deadLetters) {
    this.normaliser = normaliser;
    this.producer = producer;
    this.targetTopic = targetTopic;
    this.deadLetters = deadLetters;
  }

  public Normalised normalise(BusRecord record) {
    return normaliser.normalise(record);
  }

  /** Publishes every event keyed by its tenant, so one tenant's objects stay in one partition. */
  public Normalised publish(Normalised n) {
    List<CompletableFuture<?>> pending = new ArrayList<>(n.events().size());
    for (ObjectCreated e : n.events()) {
      pending.add(
          producer.send(
              targetTopic, Topics.OBJECT_CREATED.key(e), Topics.OBJECT_CREATED.encode(e)));
    }
    await(pending, "publish ObjectCreated to " + targetTopic);
    return n;
  }

  public Normalised deadLetter(Normalised n) {
    if (n.rejected()) {
      LOG.warn(
          "dead-lettering {}/{}@{}: {}",
          n.source().topic(),
          n.source().partition(),
          n.source().offset(),
          n.reason());
      await(
          List.of(deadLetters.publish(n.source(), n.reason())),
          "dead-letter to " + deadLetters.topic());
    }
    return n;
  }

  private static void await(List<CompletableFuture<?>> pending, String what) {
    try {
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BusUnavailableException("interrupted while waiting to " + what, e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof BusUnavailableException b
          ? b
          : new BusUnavailableException("cannot " + what + ": " + e.getCause(), e.getCause());
    }
  }
}
