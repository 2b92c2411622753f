package io.skald.logql.log;

import io.skald.labels.Label;
import io.skald.labels.LabelSet;
import java.util.List;

/**
 * Runs a pipeline over the entries of one stream. Not thread-safe, and the returned {@link
 * PipelineResult} is reused: read it before the next call.
 */
public final class StreamPipeline {
  private final Stage[] stages;
  private final LabelSet streamLabels;
  private final LabelsBuilder builder;
  private final LineBuffer line = new LineBuffer();
  private final PipelineResult result = new PipelineResult();

  StreamPipeline(Stage[] stages, LabelSet streamLabels) {
    this.stages = stages;
    this.streamLabels = streamLabels;
    this.builder = new LabelsBuilder(streamLabels);
  }

  public LabelSet streamLabels() {
    return streamLabels;
  }

  /**
   * Processes one entry.
   *
   * @param structuredMetadata the entry's structured metadata, may be empty or null
   */
  public PipelineResult process(
      long timestampNanos, byte[] lineBytes, int off, int len, List<Label> structuredMetadata) {
    builder.reset();
    if (structuredMetadata != null) {
      for (int i = 0; i < structuredMetadata.size(); i++) {
        Label l = structuredMetadata.get(i);
        // Metadata never shadows a stream label: Loki renames it with the parsers' suffix.
        String name = builder.baseHas(l.name()) ? l.name() + "_extracted" : l.name();
        builder.set(LabelCategory.STRUCTURED_METADATA, name, l.value());
      }
    }
    line.set(lineBytes, off, len);
    for (Stage stage : stages) {
      if (!stage.process(timestampNanos, line, builder)) {
        return result.set(false, line, builder);
      }
    }
    return result.set(true, line, builder);
  }

  public PipelineResult process(long timestampNanos, byte[] lineBytes) {
    return process(timestampNanos, lineBytes, 0, lineBytes.length, null);
  }
}
