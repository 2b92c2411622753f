package io.skald.routes.pushingest;

/**
 * A push request failed as a whole. {@link #status()} is the HTTP status Loki answers with and
 * {@link #getMessage()} is Loki's error text without the trailing newline; {@link #httpBody()} is
 * the exact {@code text/plain} body Loki writes (Go {@code http.Error} appends {@code "\n"}).
 */
public final class PushException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public PushException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public String httpBody() {
    return getMessage() + "\n";
  }

  @Override
  public String toString() {
    return "PushException[" + status + "]: " + getMessage();
  }
}
