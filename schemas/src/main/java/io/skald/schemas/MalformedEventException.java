package io.skald.schemas;

/** A record value that is not a readable event of its topic's type. */
public final class MalformedEventException extends Exception {

  private final String detail;

  MalformedEventException(String type, Exception cause) {
    super("cannot decode " + type + ": " + cause.getMessage(), cause);
    this.detail = String.valueOf(cause.getMessage());
  }

  /** What the decoder said, without the event type. */
  public String detail() {
    return detail;
  }
}
