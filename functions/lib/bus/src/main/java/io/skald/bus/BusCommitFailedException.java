package io.skald.bus;

/**
 * A commit was rejected because this consumer no longer owns the partitions (a rebalance moved
 * them). The caller drops its uncommitted work; the new owner replays from the committed offsets.
 */
public class BusCommitFailedException extends RuntimeException {

  public BusCommitFailedException(String message) {
    super(message);
  }

  public BusCommitFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
