package io.skald.logql.engine;

import io.skald.labels.LabelSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The samples of one evaluation step: one timestamp (Unix ms), labels and values. */
final class StepVector {
  final long timestampMs;
  private final List<LabelSet> labels;
  private double[] values;

  StepVector(long timestampMs, int capacity) {
    this.timestampMs = timestampMs;
    this.labels = new ArrayList<>(capacity);
    this.values = new double[Math.max(capacity, 4)];
  }

  void add(LabelSet l, double v) {
    int n = labels.size();
    if (n == values.length) {
      values = Arrays.copyOf(values, n * 2);
    }
    values[n] = v;
    labels.add(l);
  }

  int size() {
    return labels.size();
  }

  LabelSet labels(int i) {
    return labels.get(i);
  }

  double value(int i) {
    return values[i];
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("@").append(timestampMs).append(' ');
    for (int i = 0; i < size(); i++) {
      sb.append(labels.get(i)).append('=').append(values[i]).append(' ');
    }
    return sb.toString();
  }
}
