package io.skald.logql.log;

import io.skald.labels.LabelSet;

/**
 * One extracted sample: whether there is one, its value and its (grouped) labels. Owned by a {@link
 * StreamSampleExtractor} and overwritten by its next call; copy what must outlive it.
 */
public final class ExtractedSample {
  private boolean keep;
  private double value;
  private LabelSet labels = LabelSet.EMPTY;

  ExtractedSample() {}

  ExtractedSample set(boolean keep, double value, LabelSet labels) {
    this.keep = keep;
    this.value = value;
    this.labels = labels;
    return this;
  }

  ExtractedSample drop() {
    return set(false, 0, LabelSet.EMPTY);
  }

  /** False when the entry yields no sample; then value and labels are meaningless. */
  public boolean keep() {
    return keep;
  }

  public double value() {
    return value;
  }

  /** The series labels after grouping; shared instances, equal sets are usually identical. */
  public LabelSet labels() {
    return labels;
  }

  /**
   * The {@code __error__} value the sample still carries, or null; non-null must fail the query.
   */
  public String error() {
    return labels.get(LabelsBuilder.ERROR_LABEL);
  }

  @Override
  public String toString() {
    return keep ? labels + " " + value : "drop";
  }
}
