package io.skald.compactor.events;

/** An HTTP request or CloudEvent that can never be processed, whatever the retries; says why. */
public final class InvalidEventException extends Exception {

  public InvalidEventException(String message) {
    super(message);
  }
}
