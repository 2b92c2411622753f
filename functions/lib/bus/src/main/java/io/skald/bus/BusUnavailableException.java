package io.skald.bus;

/**
 * The bus could not do what was asked durably within its bounded time (Kafka unreachable, disk
 * full, bus closed). Callers answer with a retryable error (HTTP 5xx/503) and never acknowledge.
 */
public class BusUnavailableException extends RuntimeException {

  public BusUnavailableException(String message) {
    super(message);
  }

  public BusUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
