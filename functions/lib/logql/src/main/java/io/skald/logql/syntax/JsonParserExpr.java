package io.skald.logql.syntax;

import java.util.List;
import java.util.stream.Collectors;

/** {@code | json} (all fields) or {@code | json a="x.y", b} (only the named ones). */
public record JsonParserExpr(List<LabelExtraction> extractions) implements StageExpr {
  public JsonParserExpr {
    extractions = List.copyOf(extractions);
  }

  @Override
  public String toString() {
    if (extractions.isEmpty()) {
      return "| json";
    }
    return extractions.stream()
        .map(LabelExtraction::toString)
        .collect(Collectors.joining(",", "| json ", ""));
  }
}
