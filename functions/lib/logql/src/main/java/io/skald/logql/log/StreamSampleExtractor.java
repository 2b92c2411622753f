package io.skald.logql.log;

import io.skald.labels.Label;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Extracts at most one sample per entry of one stream. Not thread-safe; see {@link SampleExtractor}
 * for the contract.
 */
public interface StreamSampleExtractor {

  /**
   * Runs the pipeline and the extraction over one entry. The line bytes are never written.
   *
   * @param structuredMetadata the entry's structured metadata, may be empty or null
   * @return a reused sample, valid until the next call
   */
  ExtractedSample process(
      long timestampNanos, byte[] line, int off, int len, List<Label> structuredMetadata);

  default ExtractedSample process(long timestampNanos, byte[] line) {
    return process(timestampNanos, line, 0, line.length, null);
  }

  default ExtractedSample process(long timestampNanos, String line) {
    return process(timestampNanos, line.getBytes(StandardCharsets.UTF_8));
  }
}
