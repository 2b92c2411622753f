package io.skald.logql.engine;

/**
 * The time parameters of one evaluation, as Loki's {@code Params}: an instant query has {@code
 * start == end} and step 0.
 */
record EvalParams(long startNanos, long endNanos, long stepNanos, QueryKind kind) {

  /** The step the range iterators advance by: Loki forces at least 1ns. */
  long iteratorStep() {
    return stepNanos == 0 ? 1 : stepNanos;
  }
}
