package io.skald.logql.syntax;

import java.util.List;

/** {@code by (a,b)} or {@code without (a)}; {@code by ()} is kept distinct from no grouping. */
public record Grouping(boolean without, List<String> labels) {
  public Grouping {
    labels = List.copyOf(labels);
  }

  @Override
  public String toString() {
    return (without ? "without (" : "by (") + String.join(",", labels) + ")";
  }
}
