package io.skald.logql.engine;

/**
 * Loki's two metric query types. An instant query evaluates once at its time and returns a vector
 * (or a scalar); a range query evaluates at {@code start, start+step, ... <= end} and returns a
 * matrix, even when start equals end.
 */
public enum QueryKind {
  RANGE,
  INSTANT
}
