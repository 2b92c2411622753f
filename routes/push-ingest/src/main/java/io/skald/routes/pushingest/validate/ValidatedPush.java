package io.skald.routes.pushingest.validate;

import java.util.List;

/**
 * The outcome of {@link PushValidator#validate}: what to write, and what to tell the client.
 *
 * @param streams the streams with at least one accepted entry
 * @param rejectedEntries entries dropped by validation
 * @param errorBody the exact {@code text/plain} body of Loki's 400 (grouped messages plus a
 *     trailing newline), or {@code null} when nothing was rejected. Loki writes the valid data
 *     first and then answers 400 with this body; with no rejections it answers 204.
 * @param acceptedLines the number of accepted entries (the rate limiter's line count)
 * @param acceptedBytes line plus structured-metadata bytes of the accepted entries, not counting
 *     {@code detected_level} (the rate limiter's byte count)
 * @param rejections one item per rejected stream or entry, for the discarded-data metrics
 */
public record ValidatedPush(
    List<ValidStream> streams,
    int rejectedEntries,
    String errorBody,
    long acceptedLines,
    long acceptedBytes,
    List<Rejection> rejections) {
  public ValidatedPush {
    streams = List.copyOf(streams);
    rejections = List.copyOf(rejections);
  }

  public boolean hasRejections() {
    return errorBody != null;
  }
}
