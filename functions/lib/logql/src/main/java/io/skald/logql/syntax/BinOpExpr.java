package io.skald.logql.syntax;

/**
 * {@code lhs op [bool] [on|ignoring (...) [group_left|group_right (...)]] rhs}. Printed in
 * parentheses so the text never depends on precedence.
 *
 * @param matching null when no on/ignoring clause was given
 */
public record BinOpExpr(
    BinOp op, SampleExpr lhs, SampleExpr rhs, boolean returnBool, VectorMatching matching)
    implements SampleExpr {
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("(").append(lhs).append(' ').append(op.symbol());
    if (returnBool) {
      sb.append(" bool");
    }
    if (matching != null) {
      sb.append(' ').append(matching);
    }
    return sb.append(' ').append(rhs).append(')').toString();
  }
}
