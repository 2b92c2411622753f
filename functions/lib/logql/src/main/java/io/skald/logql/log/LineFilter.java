package io.skald.logql.log;

import io.skald.logql.syntax.LineFilterExpr;
import io.skald.logql.syntax.LineFilterOp;
import java.nio.charset.StandardCharsets;

/**
 * {@code |= != |~ !~ |> !>} with or-chains. The entry is kept when any operand matches, or, for a
 * negated operator, when none does.
 */
final class LineFilter implements Stage {
  private final boolean negated;
  private final LineMatcher[] operands;

  private LineFilter(boolean negated, LineMatcher[] operands) {
    this.negated = negated;
    this.operands = operands;
  }

  /**
   * @throws IllegalArgumentException with the reason when an operand is invalid
   */
  static LineFilter compile(LineFilterExpr expr) {
    LineMatcher[] ms = new LineMatcher[expr.operands().size()];
    for (int i = 0; i < ms.length; i++) {
      ms[i] = operand(expr.op(), expr.operands().get(i));
    }
    return new LineFilter(expr.op().negated(), ms);
  }

  private static LineMatcher operand(LineFilterOp op, LineFilterExpr.Operand operand) {
    if (operand.ip()) {
      if (op != LineFilterOp.CONTAINS && op != LineFilterOp.NOT_CONTAINS) {
        throw new IllegalArgumentException("ip: invalid operation");
      }
      return new IpLineMatcher(IpPattern.parse(operand.value()));
    }
    return switch (op) {
      case CONTAINS, NOT_CONTAINS ->
          LiteralMatcher.of(operand.value().getBytes(StandardCharsets.UTF_8));
      case MATCH_REGEX, NOT_MATCH_REGEX -> RegexLineMatcher.of(operand.value());
      case MATCH_PATTERN, NOT_MATCH_PATTERN -> PatternLineMatcher.of(operand.value());
    };
  }

  @Override
  public boolean process(long timestampNanos, LineBuffer line, LabelsBuilder labels) {
    for (LineMatcher m : operands) {
      if (m.matches(line)) {
        return !negated;
      }
    }
    return negated;
  }

  @Override
  public Stage forStream() {
    LineMatcher[] copy = new LineMatcher[operands.length];
    boolean changed = false;
    for (int i = 0; i < copy.length; i++) {
      copy[i] = operands[i].forStream();
      changed |= copy[i] != operands[i];
    }
    return changed ? new LineFilter(negated, copy) : this;
  }
}
