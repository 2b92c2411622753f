package io.skald.querier.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.skald.querier.engine.QueryTimeoutException;
import jakarta.inject.Singleton;

/** A query past {@code query_timeout} is answered 504 with Loki's text. */
@Produces
@Singleton
@Requires(classes = {QueryTimeoutException.class, ExceptionHandler.class})
public class QueryTimeoutHandler
    implements ExceptionHandler<QueryTimeoutException, HttpResponse<String>> {

  @Override
  public HttpResponse<String> handle(HttpRequest request, QueryTimeoutException exception) {
    return PlainText.error(504, exception.getMessage());
  }
}
