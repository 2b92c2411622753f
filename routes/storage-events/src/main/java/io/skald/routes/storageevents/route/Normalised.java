package io.skald.routes.storageevents.route;

import io.skald.bus.BusRecord;
import io.skald.events.v1.ObjectCreated;
import java.util.List;

/**
 * What one notification record on the bus turned into: the events to publish and the reasons for
 * anything in it that cannot be used (empty when all of it was good).
 */
public record Normalised(BusRecord source, List<ObjectCreated> events, List<String> rejections) {

  public Normalised {
    events = List.copyOf(events);
    rejections = List.copyOf(rejections);
  }

  public boolean rejected() {
    return !rejections.isEmpty();
  }

  /** All reasons in one line, for the dead-letter envelope. */
  public String reason() {
    return String.join("; ", rejections);
  }
}
