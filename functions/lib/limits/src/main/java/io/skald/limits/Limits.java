package io.skald.limits;

import java.time.Duration;
import java.util.List;

/**
 * The limits Skald enforces, named as Loki's {@code limits_config} fields (camelCase here,
 * snake_case in Loki, kebab-case as properties under {@code skald.limits}). {@link #DEFAULTS} holds
 * Loki's defaults, except {@code retention_period}, which is the seed deployment's 168h (Loki's is
 * 0s, keep forever). One record for the push route, the querier and the compactor; {@link
 * TenantLimits} says which one applies to a tenant. The push route uses the ingest fields (up to
 * {@code ingestion_burst_size_mb}), the querier the query fields, the compactor the retention ones.
 *
 * @param maxLabelNamesPerSeries {@code max_label_names_per_series} (15; {@code service_name} is not
 *     counted)
 * @param maxLabelNameLength {@code max_label_name_length} in bytes (1024)
 * @param maxLabelValueLength {@code max_label_value_length} in bytes (2048)
 * @param maxLineSize {@code max_line_size} in bytes (256KB = 262144; 0 = off)
 * @param maxLineSizeTruncate {@code max_line_size_truncate}: cut long lines instead of refusing
 *     them (false)
 * @param maxLineSizeTruncateIdentifier {@code max_line_size_truncate_identifier}: appended to a cut
 *     line ("")
 * @param rejectOldSamples {@code reject_old_samples} (true)
 * @param rejectOldSamplesMaxAge {@code reject_old_samples_max_age} (7d)
 * @param creationGracePeriod {@code creation_grace_period}: how far in the future an entry may be
 *     (10m)
 * @param allowStructuredMetadata {@code allow_structured_metadata} (true)
 * @param maxStructuredMetadataSize {@code max_structured_metadata_size} in bytes (64KB = 65536; 0 =
 *     off)
 * @param maxStructuredMetadataEntriesCount {@code max_structured_metadata_entries_count} (128; 0 =
 *     off)
 * @param discoverServiceName {@code discover_service_name}: labels whose value becomes {@code
 *     service_name}, in priority order; empty turns discovery off
 * @param discoverLogLevels {@code discover_log_levels}: add {@code detected_level} (true)
 * @param logLevelFields {@code log_level_fields}: where a level is looked for, in priority order
 * @param logLevelFromJsonMaxDepth {@code log_level_from_json_max_depth} (2; {@code <= 0} =
 *     unlimited)
 * @param incrementDuplicateTimestamp {@code increment_duplicate_timestamp} (false)
 * @param ingestionRateMb {@code ingestion_rate_mb}: per-tenant rate, MB/s of lines plus structured
 *     metadata (4; 1 MB = 1048576 bytes)
 * @param ingestionBurstSizeMb {@code ingestion_burst_size_mb} (6)
 * @param maxEntriesLimitPerQuery {@code max_entries_limit_per_query}: largest {@code limit} of a
 *     log query (5000; 0 = no limit)
 * @param maxQueryLength {@code max_query_length}: longest {@code end - start} (721h; 0 = no limit)
 * @param queryTimeout {@code query_timeout}: a query running longer is answered 504 (1m)
 * @param maxQuerySeries {@code max_query_series}: series of a metric result (500; 0 = no limit)
 * @param volumeMaxSeries {@code volume_max_series}: series of a volume answer (1000)
 * @param retentionPeriod {@code retention_period}: how long data is kept (168h; 0 = forever)
 * @param retentionStream {@code retention_stream}: per-stream periods that take precedence
 */
public record Limits(
    int maxLabelNamesPerSeries,
    int maxLabelNameLength,
    int maxLabelValueLength,
    int maxLineSize,
    boolean maxLineSizeTruncate,
    String maxLineSizeTruncateIdentifier,
    boolean rejectOldSamples,
    Duration rejectOldSamplesMaxAge,
    Duration creationGracePeriod,
    boolean allowStructuredMetadata,
    int maxStructuredMetadataSize,
    int maxStructuredMetadataEntriesCount,
    List<String> discoverServiceName,
    boolean discoverLogLevels,
    List<String> logLevelFields,
    int logLevelFromJsonMaxDepth,
    boolean incrementDuplicateTimestamp,
    double ingestionRateMb,
    double ingestionBurstSizeMb,
    int maxEntriesLimitPerQuery,
    Duration maxQueryLength,
    Duration queryTimeout,
    int maxQuerySeries,
    int volumeMaxSeries,
    Duration retentionPeriod,
    List<RetentionStream> retentionStream) {

  /** Loki's default {@code discover_service_name} list, in priority order. */
  public static final List<String> DEFAULT_DISCOVER_SERVICE_NAME =
      List.of(
          "service",
          "app",
          "application",
          "app_name",
          "name",
          "app_kubernetes_io_name",
          "container",
          "container_name",
          "k8s_container_name",
          "component",
          "workload",
          "job",
          "k8s_job_name");

  /** Loki's default {@code log_level_fields}, in priority order. */
  public static final List<String> DEFAULT_LOG_LEVEL_FIELDS =
      List.of(
          "level",
          "LEVEL",
          "Level",
          "log.level",
          "severity",
          "SEVERITY",
          "Severity",
          "SeverityText",
          "lvl",
          "LVL",
          "Lvl",
          "severity_text",
          "Severity_Text",
          "SEVERITY_TEXT");

  /** Loki's defaults, with the seed deployment's 168h retention. */
  public static final Limits DEFAULTS =
      new Limits(
          15,
          1024,
          2048,
          256 * 1024,
          false,
          "",
          true,
          Duration.ofDays(7),
          Duration.ofMinutes(10),
          true,
          64 * 1024,
          128,
          DEFAULT_DISCOVER_SERVICE_NAME,
          true,
          DEFAULT_LOG_LEVEL_FIELDS,
          2,
          false,
          4,
          6,
          5000,
          Duration.ofHours(721),
          Duration.ofMinutes(1),
          500,
          1000,
          Duration.ofHours(168),
          List.of());

  /**
   * Checks every field.
   *
   * @throws IllegalArgumentException naming the Loki field and the value it refuses
   */
  public Limits {
    notNegative("max_label_names_per_series", maxLabelNamesPerSeries);
    notNegative("max_label_name_length", maxLabelNameLength);
    notNegative("max_label_value_length", maxLabelValueLength);
    notNegative("max_line_size", maxLineSize);
    notNull("max_line_size_truncate_identifier", maxLineSizeTruncateIdentifier);
    notNegative("reject_old_samples_max_age", rejectOldSamplesMaxAge);
    notNegative("creation_grace_period", creationGracePeriod);
    notNegative("max_structured_metadata_size", maxStructuredMetadataSize);
    notNegative("max_structured_metadata_entries_count", maxStructuredMetadataEntriesCount);
    discoverServiceName = names("discover_service_name", discoverServiceName);
    logLevelFields = names("log_level_fields", logLevelFields);
    rate("ingestion_rate_mb", ingestionRateMb);
    rate("ingestion_burst_size_mb", ingestionBurstSizeMb);
    notNegative("max_entries_limit_per_query", maxEntriesLimitPerQuery);
    notNegative("max_query_length", maxQueryLength);
    positive("query_timeout", queryTimeout);
    notNegative("max_query_series", maxQuerySeries);
    if (volumeMaxSeries < 1) {
      throw invalid("volume_max_series", volumeMaxSeries, "must be at least 1");
    }
    notNegative("retention_period", retentionPeriod);
    notNull("retention_stream", retentionStream);
    if (retentionStream.stream().anyMatch(rule -> rule == null)) {
      throw new IllegalArgumentException("limits: retention_stream must not hold a null rule");
    }
    retentionStream = List.copyOf(retentionStream);
  }

  public static Builder builder() {
    return new Builder(DEFAULTS);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  private static void notNegative(String field, long value) {
    if (value < 0) {
      throw invalid(field, value, "must not be negative");
    }
  }

  private static void notNegative(String field, Duration value) {
    notNull(field, value);
    if (value.isNegative()) {
      throw invalid(field, value, "must not be negative");
    }
  }

  private static void positive(String field, Duration value) {
    notNull(field, value);
    if (value.isNegative() || value.isZero()) {
      throw invalid(field, value, "must be positive");
    }
  }

  private static void rate(String field, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw invalid(field, value, "must be a finite number of MB, at least 0");
    }
  }

  private static List<String> names(String field, List<String> names) {
    notNull(field, names);
    if (names.stream().anyMatch(n -> n == null || n.isBlank())) {
      throw invalid(field, names, "must not hold an empty name");
    }
    return List.copyOf(names);
  }

  private static void notNull(String field, Object value) {
    if (value == null) {
      throw new IllegalArgumentException("limits: " + field + " must be set");
    }
  }

  private static IllegalArgumentException invalid(String field, Object value, String why) {
    return new IllegalArgumentException("limits: " + field + " " + why + ", got " + value);
  }

  /** Mutable builder starting from a given set of limits. */
  public static final class Builder {
    private int maxLabelNamesPerSeries;
    private int maxLabelNameLength;
    private int maxLabelValueLength;
    private int maxLineSize;
    private boolean maxLineSizeTruncate;
    private String maxLineSizeTruncateIdentifier;
    private boolean rejectOldSamples;
    private Duration rejectOldSamplesMaxAge;
    private Duration creationGracePeriod;
    private boolean allowStructuredMetadata;
    private int maxStructuredMetadataSize;
    private int maxStructuredMetadataEntriesCount;
    private List<String> discoverServiceName;
    private boolean discoverLogLevels;
    private List<String> logLevelFields;
    private int logLevelFromJsonMaxDepth;
    private boolean incrementDuplicateTimestamp;
    private double ingestionRateMb;
    private double ingestionBurstSizeMb;
    private int maxEntriesLimitPerQuery;
    private Duration maxQueryLength;
    private Duration queryTimeout;
    private int maxQuerySeries;
    private int volumeMaxSeries;
    private Duration retentionPeriod;
    private List<RetentionStream> retentionStream;

    private Builder(Limits l) {
      maxLabelNamesPerSeries = l.maxLabelNamesPerSeries;
      maxLabelNameLength = l.maxLabelNameLength;
      maxLabelValueLength = l.maxLabelValueLength;
      maxLineSize = l.maxLineSize;
      maxLineSizeTruncate = l.maxLineSizeTruncate;
      maxLineSizeTruncateIdentifier = l.maxLineSizeTruncateIdentifier;
      rejectOldSamples = l.rejectOldSamples;
      rejectOldSamplesMaxAge = l.rejectOldSamplesMaxAge;
      creationGracePeriod = l.creationGracePeriod;
      allowStructuredMetadata = l.allowStructuredMetadata;
      maxStructuredMetadataSize = l.maxStructuredMetadataSize;
      maxStructuredMetadataEntriesCount = l.maxStructuredMetadataEntriesCount;
      discoverServiceName = l.discoverServiceName;
      discoverLogLevels = l.discoverLogLevels;
      logLevelFields = l.logLevelFields;
      logLevelFromJsonMaxDepth = l.logLevelFromJsonMaxDepth;
      incrementDuplicateTimestamp = l.incrementDuplicateTimestamp;
      ingestionRateMb = l.ingestionRateMb;
      ingestionBurstSizeMb = l.ingestionBurstSizeMb;
      maxEntriesLimitPerQuery = l.maxEntriesLimitPerQuery;
      maxQueryLength = l.maxQueryLength;
      queryTimeout = l.queryTimeout;
      maxQuerySeries = l.maxQuerySeries;
      volumeMaxSeries = l.volumeMaxSeries;
      retentionPeriod = l.retentionPeriod;
      retentionStream = l.retentionStream;
    }

    public Builder maxLabelNamesPerSeries(int v) {
      maxLabelNamesPerSeries = v;
      return this;
    }

    public Builder maxLabelNameLength(int v) {
      maxLabelNameLength = v;
      return this;
    }

    public Builder maxLabelValueLength(int v) {
      maxLabelValueLength = v;
      return this;
    }

    public Builder maxLineSize(int v) {
      maxLineSize = v;
      return this;
    }

    public Builder maxLineSizeTruncate(boolean v) {
      maxLineSizeTruncate = v;
      return this;
    }

    public Builder maxLineSizeTruncateIdentifier(String v) {
      maxLineSizeTruncateIdentifier = v;
      return this;
    }

    public Builder rejectOldSamples(boolean v) {
      rejectOldSamples = v;
      return this;
    }

    public Builder rejectOldSamplesMaxAge(Duration v) {
      rejectOldSamplesMaxAge = v;
      return this;
    }

    public Builder creationGracePeriod(Duration v) {
      creationGracePeriod = v;
      return this;
    }

    public Builder allowStructuredMetadata(boolean v) {
      allowStructuredMetadata = v;
      return this;
    }

    public Builder maxStructuredMetadataSize(int v) {
      maxStructuredMetadataSize = v;
      return this;
    }

    public Builder maxStructuredMetadataEntriesCount(int v) {
      maxStructuredMetadataEntriesCount = v;
      return this;
    }

    public Builder discoverServiceName(List<String> v) {
      discoverServiceName = v;
      return this;
    }

    public Builder discoverLogLevels(boolean v) {
      discoverLogLevels = v;
      return this;
    }

    public Builder logLevelFields(List<String> v) {
      logLevelFields = v;
      return this;
    }

    public Builder logLevelFromJsonMaxDepth(int v) {
      logLevelFromJsonMaxDepth = v;
      return this;
    }

    public Builder incrementDuplicateTimestamp(boolean v) {
      incrementDuplicateTimestamp = v;
      return this;
    }

    public Builder ingestionRateMb(double v) {
      ingestionRateMb = v;
      return this;
    }

    public Builder ingestionBurstSizeMb(double v) {
      ingestionBurstSizeMb = v;
      return this;
    }

    public Builder maxEntriesLimitPerQuery(int v) {
      maxEntriesLimitPerQuery = v;
      return this;
    }

    public Builder maxQueryLength(Duration v) {
      maxQueryLength = v;
      return this;
    }

    public Builder queryTimeout(Duration v) {
      queryTimeout = v;
      return this;
    }

    public Builder maxQuerySeries(int v) {
      maxQuerySeries = v;
      return this;
    }

    public Builder volumeMaxSeries(int v) {
      volumeMaxSeries = v;
      return this;
    }

    public Builder retentionPeriod(Duration v) {
      retentionPeriod = v;
      return this;
    }

    public Builder retentionStream(List<RetentionStream> v) {
      retentionStream = v;
      return this;
    }

    public Limits build() {
      return new Limits(
          maxLabelNamesPerSeries,
          maxLabelNameLength,
          maxLabelValueLength,
          maxLineSize,
          maxLineSizeTruncate,
          maxLineSizeTruncateIdentifier,
          rejectOldSamples,
          rejectOldSamplesMaxAge,
          creationGracePeriod,
          allowStructuredMetadata,
          maxStructuredMetadataSize,
          maxStructuredMetadataEntriesCount,
          discoverServiceName,
          discoverLogLevels,
          logLevelFields,
          logLevelFromJsonMaxDepth,
          incrementDuplicateTimestamp,
          ingestionRateMb,
          ingestionBurstSizeMb,
          maxEntriesLimitPerQuery,
          maxQueryLength,
          queryTimeout,
          maxQuerySeries,
          volumeMaxSeries,
          retentionPeriod,
          retentionStream);
    }
  }
}
