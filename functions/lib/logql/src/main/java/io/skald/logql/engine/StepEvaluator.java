package io.skald.logql.engine;

/**
 * Produces the vector of each step in turn, like Loki's {@code StepEvaluator}. Every node of a
 * query advances one step per call, so the legs of a binary operation stay in lock step.
 */
interface StepEvaluator extends AutoCloseable {

  /** The next step's vector, or null after the last step. */
  StepVector next();

  @Override
  default void close() {}
}
