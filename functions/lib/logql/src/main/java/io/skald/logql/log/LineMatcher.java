package io.skald.logql.log;

/** Tests one line filter operand against a line. */
interface LineMatcher {
  LineMatcher ALWAYS = line -> true;

  boolean matches(LineBuffer line);

  /** Matchers with scratch state (regex matchers) return a fresh copy per stream. */
  default LineMatcher forStream() {
    return this;
  }
}
