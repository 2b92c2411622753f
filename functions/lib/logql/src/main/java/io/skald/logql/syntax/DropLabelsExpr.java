package io.skald.logql.syntax;

import java.util.List;
import java.util.stream.Collectors;

/** {@code | drop a, b="v", c=~"re"}. */
public record DropLabelsExpr(List<NamedMatcher> labels) implements StageExpr {
  public DropLabelsExpr {
    labels = List.copyOf(labels);
  }

  @Override
  public String toString() {
    return labels.stream()
        .map(NamedMatcher::toString)
        .collect(Collectors.joining(",", "| drop ", ""));
  }
}
