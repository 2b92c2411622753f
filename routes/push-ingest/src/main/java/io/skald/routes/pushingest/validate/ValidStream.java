package io.skald.routes.pushingest.validate;

import io.skald.routes.pushingest.model.PushEntry;
import java.util.List;

/**
 * A stream after validation.
 *
 * @param canonicalLabels the stream identity, e.g. {@code {app="x", service_name="x"}} (sorted,
 *     empty values dropped, {@code service_name} added)
 * @param entries the accepted entries in request order, with normalised structured metadata and
 *     {@code detected_level} appended when discovered
 */
public record ValidStream(String canonicalLabels, List<PushEntry> entries) {
  public ValidStream {
    entries = List.copyOf(entries);
  }
}
