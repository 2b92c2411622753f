package io.skald.routes.pushingest.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A body over {@code micronaut.server.max-request-size} (Loki's {@code max_recv_msg_size}, 100 MiB)
 * is refused by the HTTP server before the route sees it; answer as Loki does: 413, plain text.
 */
@Produces
@Singleton
@Replaces(io.micronaut.http.server.exceptions.ContentLengthExceededHandler.class)
@Requires(classes = {ContentLengthExceededException.class, ExceptionHandler.class})
public class BodyTooLargeHandler
    implements ExceptionHandler<ContentLengthExceededException, HttpResponse<String>> {

  private static final Pattern SIZES = Pattern.compile("\\[(\\d+)].*\\[(\\d+)]");

  @Override
  public HttpResponse<String> handle(HttpRequest request, ContentLengthExceededException e) {
    return HttpResponse.<String>status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
        .body(message(e.getMessage()) + "\n")
        .contentType("text/plain; charset=utf-8");
  }

  static String message(String micronautMessage) {
    Matcher m = SIZES.matcher(micronautMessage == null ? "" : micronautMessage);
    return m.find()
        ? "request body too large: message size too large than max ("
            + m.group(1)
            + " vs "
            + m.group(2)
            + ")"
        : "request body too large";
  }
}
