package io.skald.logql.syntax;

import java.util.List;
import java.util.stream.Collectors;

/** {@code | keep a, b="v"}. */
public record KeepLabelsExpr(List<NamedMatcher> labels) implements StageExpr {
  public KeepLabelsExpr {
    labels = List.copyOf(labels);
  }

  @Override
  public String toString() {
    return labels.stream()
        .map(NamedMatcher::toString)
        .collect(Collectors.joining(",", "| keep ", ""));
  }
}
