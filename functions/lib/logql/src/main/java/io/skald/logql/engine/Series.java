package io.skald.logql.engine;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * One series of a matrix: its labels (sorted by name, unmodifiable) and its points, oldest first.
 * Points are kept as two parallel primitive arrays (11,000 points times 500 series must stay
 * cheap); {@link #points()} is a view.
 */
public record Series(Map<String, String> labels, long[] timestampsMs, double[] values) {
  public Series {
    Objects.requireNonNull(labels, "labels");
    if (timestampsMs.length != values.length) {
      throw new IllegalArgumentException("timestamps and values differ in length");
    }
  }

  public int size() {
    return values.length;
  }

  public Point point(int i) {
    return new Point(timestampsMs[i], values[i]);
  }

  /** The points as a read-only list view. */
  public List<Point> points() {
    return new PointList();
  }

  private final class PointList extends AbstractList<Point> implements RandomAccess {
    @Override
    public Point get(int index) {
      return point(index);
    }

    @Override
    public int size() {
      return values.length;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Series s
        && s.labels.equals(labels)
        && Arrays.equals(s.timestampsMs, timestampsMs)
        && Arrays.equals(s.values, values);
  }

  @Override
  public int hashCode() {
    return (labels.hashCode() * 31 + Arrays.hashCode(timestampsMs)) * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return labels + " " + points();
  }
}
