package io.skald.logql.engine;

import io.skald.labels.LabelSet;

/** {@code vector(s)}: one sample without labels at every step, on Loki's millisecond grid. */
final class VectorExprEvaluator implements StepEvaluator {
  private final double value;
  private final long stepMs;
  private final long endMs;
  private long currentMs;

  VectorExprEvaluator(double value, EvalParams params) {
    this.value = value;
    long step = params.stepNanos() / 1_000_000;
    this.stepMs = step == 0 ? 1 : step;
    this.endMs = params.endNanos() / 1_000_000;
    this.currentMs = params.startNanos() / 1_000_000 - stepMs;
  }

  @Override
  public StepVector next() {
    currentMs += stepMs;
    if (currentMs > endMs) {
      return null;
    }
    StepVector out = new StepVector(currentMs, 1);
    out.add(LabelSet.EMPTY, value);
    return out;
  }
}
