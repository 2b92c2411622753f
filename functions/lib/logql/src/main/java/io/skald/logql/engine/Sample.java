package io.skald.logql.engine;

import java.util.Map;
import java.util.Objects;

/** One element of an instant vector: labels (sorted by name, unmodifiable), time and value. */
public record Sample(Map<String, String> labels, long timestampMs, double value) {
  public Sample {
    Objects.requireNonNull(labels, "labels");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sample s
        && s.labels.equals(labels)
        && s.timestampMs == timestampMs
        && Double.doubleToLongBits(s.value) == Double.doubleToLongBits(value);
  }

  @Override
  public int hashCode() {
    return (labels.hashCode() * 31 + Long.hashCode(timestampMs)) * 31 + Double.hashCode(value);
  }

  @Override
  public String toString() {
    return labels + " " + new Point(timestampMs, value);
  }
}
