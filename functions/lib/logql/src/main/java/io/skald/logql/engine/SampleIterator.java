package io.skald.logql.engine;

import io.skald.labels.LabelSet;

/**
 * A cursor over extracted samples in ascending timestamp order. Samples with equal timestamps may
 * come in any order. {@link #labels()} are the series labels after extraction and grouping (they
 * may carry {@code __error__}); the instance must not change after it is returned, which holds for
 * {@link LabelSet}.
 */
public interface SampleIterator extends AutoCloseable {

  /** Advances to the next sample; false at the end. */
  boolean next();

  long timestampNanos();

  double value();

  LabelSet labels();

  /** Releases what the cursor holds; called once, also after a failure. */
  @Override
  default void close() {}
}
