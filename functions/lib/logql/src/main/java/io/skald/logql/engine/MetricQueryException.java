package io.skald.logql.engine;

/**
 * A metric query that cannot be answered. The message is Loki's text, which clients show verbatim;
 * {@link #httpStatus()} is the status Loki answers with (as a plain-text body).
 */
public final class MetricQueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the query failed; decides the HTTP status. */
  public enum Reason {
    /** Samples still carry {@code __error__}: Loki's {@code PipelineError}, HTTP 400. */
    PIPELINE_ERROR(400),
    /** More than {@code max_query_series} series: Loki's {@code LimitError}, HTTP 400. */
    SERIES_LIMIT(400),
    /** Invalid parameters or a pipeline stage that does not compile: HTTP 400. */
    BAD_REQUEST(400),
    /**
     * Vector matching failed ({@code multiple matches for labels: ...}, {@code found duplicate
     * series ...}). Loki returns these as plain errors, which its HTTP layer maps to 500.
     */
    EXECUTION(500);

    private final int httpStatus;

    Reason(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    public int httpStatus() {
      return httpStatus;
    }
  }

  private final Reason reason;

  public MetricQueryException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public MetricQueryException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  public int httpStatus() {
    return reason.httpStatus();
  }
}
