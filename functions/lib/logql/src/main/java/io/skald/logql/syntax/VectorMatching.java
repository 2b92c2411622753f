package io.skald.logql.syntax;

import java.util.List;

/**
 * {@code on (a) group_left (b)} / {@code ignoring (a)}: how series on both sides of a binary
 * operator are matched.
 */
public record VectorMatching(
    boolean on, List<String> labels, Cardinality cardinality, List<String> include) {
  /** group_left is MANY_TO_ONE, group_right ONE_TO_MANY. */
  public enum Cardinality {
    ONE_TO_ONE,
    MANY_TO_ONE,
    ONE_TO_MANY
  }

  public VectorMatching {
    labels = List.copyOf(labels);
    include = List.copyOf(include);
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder(on ? "on (" : "ignoring (").append(String.join(",", labels)).append(')');
    if (cardinality != Cardinality.ONE_TO_ONE) {
      sb.append(cardinality == Cardinality.MANY_TO_ONE ? " group_left" : " group_right");
      if (!include.isEmpty()) {
        sb.append(" (").append(String.join(",", include)).append(')');
      }
    }
    return sb.toString();
  }
}
