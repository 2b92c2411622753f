package io.skald.routes.pushingest.model;

import java.util.List;
import java.util.Objects;

/**
 * One log entry of a push request.
 *
 * @param timestampNanos Unix epoch nanoseconds; timestamps outside the {@code long} range (before
 *     1677 or after 2262) are saturated to {@link Long#MIN_VALUE} / {@link Long#MAX_VALUE}
 * @param line the log line
 * @param structuredMetadata structured metadata in request order (empty when absent)
 */
public record PushEntry(long timestampNanos, String line, List<MetadataPair> structuredMetadata) {
  public PushEntry {
    Objects.requireNonNull(line, "line");
    structuredMetadata = List.copyOf(structuredMetadata);
  }

  public PushEntry(long timestampNanos, String line) {
    this(timestampNanos, line, List.of());
  }
}
