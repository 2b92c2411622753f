package io.skald.logql.syntax;

import io.skald.gocompat.GoQuote;
import java.util.List;

/**
 * {@code |= "a" or "b" or ip("10.0.0.0/8")}: the operands are alternatives. For a negated operator
 * the line is kept only when none of them matches ({@code != "a" or "b"} drops lines containing
 * either), which is how Loki rewrites negated or-chains.
 */
public record LineFilterExpr(LineFilterOp op, List<Operand> operands) implements StageExpr {
  public LineFilterExpr {
    operands = List.copyOf(operands);
    if (operands.isEmpty()) {
      throw new IllegalArgumentException("line filter needs an operand");
    }
  }

  public static LineFilterExpr of(LineFilterOp op, String value) {
    return new LineFilterExpr(op, List.of(Operand.text(value)));
  }

  /** A literal/regex/pattern string, or an {@code ip("...")} address, CIDR or range. */
  public record Operand(boolean ip, String value) {
    public static Operand text(String value) {
      return new Operand(false, value);
    }

    public static Operand ip(String value) {
      return new Operand(true, value);
    }

    @Override
    public String toString() {
      return ip ? "ip(" + GoQuote.quote(value) + ")" : GoQuote.quote(value);
    }
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(op.symbol()).append(' ');
    for (int i = 0; i < operands.size(); i++) {
      if (i > 0) {
        sb.append(" or ");
      }
      sb.append(operands.get(i));
    }
    return sb.toString();
  }
}
