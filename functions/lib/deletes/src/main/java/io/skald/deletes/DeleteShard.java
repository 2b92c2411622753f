package io.skald.deletes;

/**
 * One piece of a delete request, processed on its own; requests with line filters are split into
 * pieces of at most {@code delete_max_interval}. Times in Unix ns, both ends inclusive.
 */
public record DeleteShard(long startNanos, long endNanos, boolean processed) {

  public DeleteShard processedNow() {
    return new DeleteShard(startNanos, endNanos, true);
  }
}
