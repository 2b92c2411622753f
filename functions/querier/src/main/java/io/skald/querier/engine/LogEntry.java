package io.skald.querier.engine;

import java.util.Map;

/**
 * One result entry; the line is decoded once, when it is known to be returned. Metadata and parsed
 * labels are set only for categorize-labels responses.
 */
public record LogEntry(
    long timestampNanos, String line, Map<String, String> metadata, Map<String, String> parsed) {

  public LogEntry(long timestampNanos, String line) {
    this(timestampNanos, line, null, null);
  }
}
