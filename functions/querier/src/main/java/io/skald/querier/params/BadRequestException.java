package io.skald.querier.params;

/** A request the client got wrong: answered with 400 and the message as plain text, like Loki. */
public class BadRequestException extends RuntimeException {
  public BadRequestException(String message) {
    super(message);
  }
}
