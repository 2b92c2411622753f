package io.skald.querier.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.skald.querier.params.BadRequestException;
import jakarta.inject.Singleton;

/** A client mistake in a query becomes 400 with the message as plain text, like Loki. */
@Produces
@Singleton
@Requires(classes = {BadRequestException.class, ExceptionHandler.class})
public class BadRequestHandler
    implements ExceptionHandler<BadRequestException, HttpResponse<String>> {

  @Override
  public HttpResponse<String> handle(HttpRequest request, BadRequestException exception) {
    return PlainText.error(400, exception.getMessage());
  }
}
