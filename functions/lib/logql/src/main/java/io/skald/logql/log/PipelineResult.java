package io.skald.logql.log;

import io.skald.labels.LabelSet;
import java.nio.charset.StandardCharsets;

/**
 * The outcome for one entry: whether it is kept, the (possibly rewritten) line and its final
 * labels. Owned by a {@link StreamPipeline} and overwritten by its next call.
 */
public final class PipelineResult {
  private boolean keep;
  private LineBuffer line;
  private LabelsBuilder labels;

  PipelineResult() {}

  PipelineResult set(boolean keep, LineBuffer line, LabelsBuilder labels) {
    this.keep = keep;
    this.line = line;
    this.labels = labels;
    return this;
  }

  /** The stage state of the last entry, for extractors that keep processing it. */
  LineBuffer line() {
    return line;
  }

  LabelsBuilder builder() {
    return labels;
  }

  public boolean keep() {
    return keep;
  }

  /** The line bytes; borrowed, valid until the next entry. */
  public byte[] lineArray() {
    return line.array();
  }

  public int lineOffset() {
    return line.offset();
  }

  public int lineLength() {
    return line.length();
  }

  /** The line as a string (decodes once). */
  public String lineAsString() {
    return line.asString();
  }

  /** A copy of the line bytes. */
  public byte[] lineBytes() {
    return line.isWholeArray() ? line.array().clone() : line.toByteArray();
  }

  /** The final labels (stream labels, structured metadata, parsed labels, errors). */
  public LabelSet labels() {
    return labels.labels();
  }

  /** Which category a final label belongs to (for categorize-labels responses). */
  public LabelCategory categoryOf(String name) {
    return labels.categoryOf(name);
  }

  @Override
  public String toString() {
    return (keep ? "keep " : "drop ")
        + labels()
        + " "
        + new String(line.array(), line.offset(), line.length(), StandardCharsets.UTF_8);
  }
}
