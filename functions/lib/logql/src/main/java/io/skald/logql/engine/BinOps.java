package io.skald.logql.engine;

import io.skald.logql.syntax.BinOp;

/** Arithmetic and comparison as Loki's {@code MergeBinOp} computes them (Go float semantics). */
final class BinOps {
  private BinOps() {}

  /** {@code / 0} and {@code % 0} give NaN, not infinity, in Loki. */
  static double arithmetic(BinOp op, double l, double r) {
    return switch (op) {
      case ADD -> l + r;
      case SUB -> l - r;
      case MUL -> l * r;
      case DIV -> r == 0 ? Double.NaN : l / r;
      case MOD -> r == 0 ? Double.NaN : l % r; // Java's % on doubles is Go's math.Mod
      case POW -> pow(l, r);
      default ->
          throw new MetricQueryException(
              MetricQueryException.Reason.EXECUTION,
              "should never happen: unexpected operation: (" + op.symbol() + ")");
    };
  }

  static boolean compare(BinOp op, double l, double r) {
    return switch (op) {
      case CMP_EQ -> l == r;
      case NEQ -> l != r;
      case GT -> l > r;
      case GTE -> l >= r;
      case LT -> l < r;
      case LTE -> l <= r;
      default -> throw new IllegalStateException("not a comparison: " + op);
    };
  }

  /** Go's {@code math.Pow}, which differs from Java's for a base of 1 or -1. */
  static double pow(double x, double y) {
    if (y == 0 || x == 1) {
      return 1;
    }
    if (x == -1 && Double.isInfinite(y)) {
      return 1;
    }
    return Math.pow(x, y);
  }

  /** A literal-only operation, as Loki folds it at parse time. */
  static double fold(BinOp op, double l, double r) {
    if (op.isComparison()) {
      return compare(op, l, r) ? 1 : 0;
    }
    return arithmetic(op, l, r);
  }
}
