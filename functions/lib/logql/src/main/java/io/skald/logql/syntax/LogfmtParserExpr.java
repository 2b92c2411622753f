package io.skald.logql.syntax;

import java.util.List;

/** {@code | logfmt [--strict] [--keep-empty] [a="b", c]}. */
public record LogfmtParserExpr(boolean strict, boolean keepEmpty, List<LabelExtraction> extractions)
    implements StageExpr {
  public LogfmtParserExpr {
    extractions = List.copyOf(extractions);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("| logfmt");
    if (strict) {
      sb.append(" --strict");
    }
    if (keepEmpty) {
      sb.append(" --keep-empty");
    }
    for (int i = 0; i < extractions.size(); i++) {
      sb.append(i == 0 ? " " : ",").append(extractions.get(i));
    }
    return sb.toString();
  }
}
