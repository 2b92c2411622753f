package io.skald.storage;

import java.io.IOException;

/**
 * A failure that may go away on its own (server error, throttling, connection refused or timed
 * out), so callers can retry by type. The store's client has already retried a few times when this
 * is thrown.
 */
public class RetriableStorageException extends IOException {

  public RetriableStorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
