package io.skald.querier.engine;

import io.skald.labels.Label;
import java.util.List;
import java.util.SortedMap;

/**
 * The log pipeline of a query, bound to one stored stream. Implementations must not allocate for
 * lines they drop; they decode the line only when it survives the filters.
 */
public interface EntryPipeline {

  /**
   * What survives the pipeline: the label set that names the result stream and the line. With
   * categorize-labels the stream is named by the stream labels alone and the entry carries its
   * structured metadata and parsed labels separately (both null otherwise).
   */
  record Output(
      SortedMap<String, String> labels,
      String labelsText,
      String line,
      SortedMap<String, String> metadata,
      SortedMap<String, String> parsed) {}

  /** Returns null when the entry is filtered out. */
  Output process(long timestampNanos, byte[] buf, int off, int len, List<Label> structuredMetadata);

  /** Builds the per-stream pipeline for a query. */
  interface Factory {
    EntryPipeline forStream(SortedMap<String, String> streamLabels);
  }
}
