package io.skald.logql.log;

/**
 * One step of a pipeline, compiled from one {@code StageExpr}. A stage reads the current line from
 * the {@link LineBuffer} and must never write into its bytes; it may point the buffer at a new line
 * and change labels through the {@link LabelsBuilder}.
 *
 * <p>Stages are shared by all streams of a query unless they keep per-line scratch state, in which
 * case {@link #forStream()} returns a fresh instance (a stream is processed by one thread at a
 * time).
 */
public interface Stage {
  /** Returns false to drop the entry. */
  boolean process(long timestampNanos, LineBuffer line, LabelsBuilder labels);

  /** The instance one stream should use; stateless stages return themselves. */
  default Stage forStream() {
    return this;
  }
}
