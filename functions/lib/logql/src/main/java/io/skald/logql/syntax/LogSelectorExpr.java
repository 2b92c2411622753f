package io.skald.logql.syntax;

import io.skald.labels.Matcher;
import java.util.List;

/** A log query: a stream selector followed by a (possibly empty) pipeline. */
public record LogSelectorExpr(StreamSelector selector, List<StageExpr> pipeline) implements Expr {
  public LogSelectorExpr {
    pipeline = List.copyOf(pipeline);
  }

  public List<Matcher> matchers() {
    return selector.matchers();
  }

  /**
   * Whether a stage can drop a line, as Loki's {@code HasFilter}: a label filter, or a line filter
   * other than {@code |= ""} / {@code |~ ""} (judged by its first operand, like Loki). Loki looks
   * only at the last of consecutive line filters, so {@code |= "x" |= ""} has no filter to it; here
   * every line filter counts.
   */
  public boolean hasFilter() {
    for (StageExpr stage : pipeline) {
      if (stage instanceof LabelFilterExpr) {
        return true;
      }
      if (stage instanceof LineFilterExpr f && !matchesEveryLine(f)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesEveryLine(LineFilterExpr f) {
    LineFilterExpr.Operand first = f.operands().get(0);
    return (f.op() == LineFilterOp.CONTAINS || f.op() == LineFilterOp.MATCH_REGEX)
        && !first.ip()
        && first.value().isEmpty();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(selector.toString());
    for (StageExpr stage : pipeline) {
      sb.append(' ').append(stage);
    }
    return sb.toString();
  }
}
