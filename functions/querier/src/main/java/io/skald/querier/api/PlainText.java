package io.skald.querier.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;

/** Loki answers errors as plain text with a trailing newline (Go's {@code http.Error}). */
public final class PlainText {

  static final String CONTENT_TYPE = "text/plain; charset=utf-8";

  private PlainText() {}

  public static HttpResponse<String> error(int status, String message) {
    return HttpResponse.<String>status(HttpStatus.valueOf(status))
        .body(message + "\n")
        .contentType(CONTENT_TYPE);
  }
}
