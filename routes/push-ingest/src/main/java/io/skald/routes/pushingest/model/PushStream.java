package io.skald.routes.pushingest.model;

import java.util.List;
import java.util.Objects;

/**
 * One stream of a push request as sent by the client.
 *
 * @param labelsText the stream selector text, not yet parsed (for example {@code {app="x"}})
 * @param entries the entries in request order
 */
public record PushStream(String labelsText, List<PushEntry> entries) {
  public PushStream {
    Objects.requireNonNull(labelsText, "labelsText");
    entries = List.copyOf(entries);
  }
}
