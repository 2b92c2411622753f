package io.skald.logql.syntax;

import java.util.List;
import java.util.stream.Collectors;

/** {@code | label_format a=b, c="{{.d}}"}. */
public record LabelFormatExpr(List<LabelFormat> formats) implements StageExpr {
  public LabelFormatExpr {
    formats = List.copyOf(formats);
  }

  @Override
  public String toString() {
    return formats.stream()
        .map(LabelFormat::toString)
        .collect(Collectors.joining(",", "| label_format ", ""));
  }
}
