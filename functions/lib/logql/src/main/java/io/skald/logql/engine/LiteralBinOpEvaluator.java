package io.skald.logql.engine;

import io.skald.logql.syntax.BinOp;

/**
 * A binary operation between a vector and a scalar literal. Comparisons without {@code bool} filter
 * and keep the vector's value; with {@code bool} they give 0 or 1. Labels are kept.
 */
final class LiteralBinOpEvaluator implements StepEvaluator {
  private final BinOp op;
  private final double literal;
  private final boolean literalOnLeft;
  private final boolean returnBool;
  private final StepEvaluator inner;

  LiteralBinOpEvaluator(
      BinOp op, double literal, boolean literalOnLeft, boolean returnBool, StepEvaluator inner) {
    if (op.isSetOperator()) {
      throw new MetricQueryException(
          MetricQueryException.Reason.EXECUTION,
          "should never happen: unexpected operation: (" + op.symbol() + ")");
    }
    this.op = op;
    this.literal = literal;
    this.literalOnLeft = literalOnLeft;
    this.returnBool = returnBool;
    this.inner = inner;
  }

  @Override
  public StepVector next() {
    StepVector in = inner.next();
    if (in == null) {
      return null;
    }
    StepVector out = new StepVector(in.timestampMs, in.size());
    for (int i = 0; i < in.size(); i++) {
      double v = in.value(i);
      double l = literalOnLeft ? literal : v;
      double r = literalOnLeft ? v : literal;
      if (op.isComparison()) {
        boolean cond = BinOps.compare(op, l, r);
        if (returnBool) {
          out.add(in.labels(i), cond ? 1 : 0);
        } else if (cond) {
          out.add(in.labels(i), v);
        }
      } else {
        out.add(in.labels(i), BinOps.arithmetic(op, l, r));
      }
    }
    return out;
  }

  @Override
  public void close() {
    inner.close();
  }
}
