package io.skald.querier.engine;

/** The query ran past {@code query_timeout}; answered 504 with Loki's text. */
public class QueryTimeoutException extends RuntimeException {

  public static final String MESSAGE =
      "request timed out, decrease the duration of the request or add more label "
          + "matchers (prefer exact match over regex match) to reduce the amount of data processed";

  public QueryTimeoutException() {
    super(MESSAGE);
  }
}
