package io.skald.deletes;

/**
 * A delete-API failure with the HTTP status and the plain-text message Loki answers with. (Loki
 * writes messages with {@code http.Error}, which appends a newline; that is the HTTP layer's job.)
 */
public class DeleteApiException extends Exception {

  private final int status;

  public DeleteApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  static DeleteApiException badRequest(String message) {
    return new DeleteApiException(400, message);
  }
}
