package io.skald.routes.pushingest.validate;

/**
 * Why data was refused. {@link #code()} is Loki's snake_case reason (the {@code reason} label of
 * {@code loki_discarded_samples_total} / {@code _bytes_total}); {@link #format} renders Loki's
 * message template ({@code pkg/validation/validate.go}) with the same arguments in the same order.
 */
public enum IngestRejection {
  /** Args: tenant, limit (bytes/s), lines, bytes. HTTP 429 for the whole request. */
  RATE_LIMITED(
      "rate_limited",
      "ingestion rate limit exceeded for user %s (limit: %d bytes/sec) while attempting to ingest '%d' lines "
          + "totaling '%d' bytes, reduce log volume or contact your Loki administrator to see if the limit can be increased"),
  /** Args: max size, stream labels, line length. */
  LINE_TOO_LONG(
      "line_too_long",
      "max entry size '%d' bytes exceeded for stream '%s' while adding an entry with length '%d' bytes"),
  /** Args: stream labels, entry time, oldest accepted time (both RFC 3339). */
  GREATER_THAN_MAX_SAMPLE_AGE(
      "greater_than_max_sample_age",
      "entry for stream '%s' has timestamp too old: %s, oldest acceptable timestamp is: %s"),
  /** Args: stream labels, entry time (RFC 3339). */
  TOO_FAR_IN_FUTURE("too_far_in_future", "entry for stream '%s' has timestamp too new: %s"),
  /** Args: stream labels, label-name count, limit. */
  MAX_LABEL_NAMES_PER_SERIES(
      "max_label_names_per_series", "entry for stream '%s' has %d label names; limit %d"),
  /** Args: stream labels, label name. */
  LABEL_NAME_TOO_LONG("label_name_too_long", "stream '%s' has label name too long: '%s'"),
  /** Args: stream labels, label value. */
  LABEL_VALUE_TOO_LONG("label_value_too_long", "stream '%s' has label value too long: '%s'"),
  /** Args: stream labels, label name. */
  DUPLICATE_LABEL_NAMES("duplicate_label_names", "stream '%s' has duplicate label name: '%s'"),
  /** Args: stream labels. */
  DISALLOWED_STRUCTURED_METADATA(
      "disallowed_structured_metadata",
      "stream '%s' includes structured metadata, but this feature is disallowed. Please see "
          + "`limits_config.allow_structured_metadata` or contact your Loki administrator to enable it"),
  /** Args: stream labels, size, limit. */
  STRUCTURED_METADATA_TOO_LARGE(
      "structured_metadata_too_large",
      "stream '%s' has structured metadata too large: '%d' bytes, limit: '%d' bytes. Please see "
          + "`limits_config.max_structured_metadata_size` or contact your Loki administrator to increase it"),
  /** Args: stream labels, count, limit. */
  STRUCTURED_METADATA_TOO_MANY(
      "structured_metadata_too_many",
      "stream '%s' has too many structured metadata labels: '%d', limit: '%d'. Please see "
          + "`limits_config.max_structured_metadata_entries_count` or contact your Loki administrator to increase it"),
  /** No args. */
  MISSING_LABELS("missing_labels", "error at least one label pair is required per stream"),
  /**
   * Args: label text, parse error. (Loki's HTTP path reports label errors as {@code couldn't parse
   * labels: ...} instead.)
   */
  INVALID_LABELS("invalid_labels", "error parsing labels '%s' with error: %s"),
  /** Args: body size, limit. */
  REQUEST_BODY_TOO_LARGE(
      "request_body_too_large", "request body too large: %d bytes, limit: %d bytes"),
  /** Args: stream labels, tenant. Reported by the stream-count limiter (HTTP 429). */
  STREAM_LIMIT(
      "stream_limit",
      "maximum active stream limit exceeded when trying to create stream %s, reduce the number of active streams "
          + "(reduce labels or reduce label values), or contact your Loki administrator to see if the limit "
          + "can be increased, user: '%s'"),
  /** Per-stream rate limit (HTTP 429); the message is built by the ingester side. */
  PER_STREAM_RATE_LIMIT("per_stream_rate_limit", "%s"),
  /** Out-of-order window (HTTP 400); the message is built by the ingester side. */
  TOO_FAR_BEHIND("too_far_behind", "%s"),
  /** Args: tenant, until (RFC 3339), status code. */
  BLOCKED_INGESTION(
      "blocked_ingestion", "ingestion blocked for user '%s' until '%s' with status code '%d'"),
  /** Args: missing labels (comma-joined), tenant, stream labels, policy. */
  MISSING_ENFORCED_LABELS(
      "missing_enforced_labels",
      "missing required labels '%s' for user '%s' for stream '%s' (policy: '%s')");

  private final String code;
  private final String template;

  IngestRejection(String code, String template) {
    this.code = code;
    this.template = template;
  }

  /** Loki's reason code, e.g. {@code line_too_long}. */
  public String code() {
    return code;
  }

  /** Loki's message template in {@link String#format} syntax. */
  public String template() {
    return template;
  }

  public String format(Object... args) {
    return String.format(java.util.Locale.ROOT, template, args);
  }
}
