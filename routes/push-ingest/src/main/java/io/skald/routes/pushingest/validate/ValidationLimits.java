package io.skald.routes.pushingest.validate;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Per-tenant ingest limits (Loki {@code limits_config}); {@link #DEFAULTS} holds Loki's defaults.
 *
 * @param maxLabelNamesPerSeries {@code max_label_names_per_series} (15; {@code service_name} not counted)
 * @param maxLabelNameLength {@code max_label_name_length} in bytes (1024)
 * @param maxLabelValueLength {@code max_label_value_length} in bytes (2048)
 * @param maxLineSize {@code max_line_size} in bytes (256KB = 262144; 0 = off)
 * @param maxLineSizeTruncate {@code max_line_size_truncate} (false)
 * @param maxLineSizeTruncateIdentifier {@code max_line_size_truncate_identifier} ("")
 * @param rejectOldSamples {@code reject_old_samples} (true)
 * @param rejectOldSamplesMaxAge {@code reject_old_samples_max_age} (7d)
 * @param creationGracePeriod {@code creation_grace_period} (10m)
 * @param allowStructuredMetadata {@code allow_structured_metadata} (true)
 * @param maxStructuredMetadataSize {@code max_structured_metadata_size} in bytes (64KB = 65536; 0 = off)
 * @param maxStructuredMetadataEntriesCount {@code max_structured_metadata_entries_count} (128; 0 = off)
 * @param discoverServiceName {@code discover_service_name}; empty turns discovery off
 * @param discoverLogLevels {@code discover_log_levels} (true)
 * @param logLevelFields {@code log_level_fields}
 * @param logLevelFromJsonMaxDepth {@code log_level_from_json_max_depth} (2; {@code <= 0} = unlimited)
 * @param incrementDuplicateTimestamp {@code increment_duplicate_timestamp} (false)
 */
public record ValidationLimits(
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
    boolean incrementDuplicateTimestamp) {

  /** Loki's default {@code discover_service_name} list, in priority order. */
  public static final List<String> DEFAULT_DISCOVER_SERVICE_NAME = List.of(
      "service", "app", "application", "app_name", "name", "app_kubernetes_io_name", "container",
      "container_name", "k8s_container_name", "component", "workload", "job", "k8s_job_name");

  /** Loki's default {@code log_level_fields}, in priority order. */
  public static final List<String> DEFAULT_LOG_LEVEL_FIELDS = List.of(
      "level", "LEVEL", "Level", "log.level", "severity", "SEVERITY", "Severity", "SeverityText",
      "lvl", "LVL", "Lvl", "severity_text", "Severity_Text", "SEVERITY_TEXT");

  public static final ValidationLimits DEFAULTS = new ValidationLimits(
      15, 1024, 2048, 256 * 1024, false, "", true, Duration.ofDays(7), Duration.ofMinutes(10),
      true, 64 * 1024, 128, DEFAULT_DISCOVER_SERVICE_NAME, true, DEFAULT_LOG_LEVEL_FIELDS, 2, false);

  public ValidationLimits {
    Objects.requireNonNull(maxLineSizeTruncateIdentifier, "maxLineSizeTruncateIdentifier");
    Objects.requireNonNull(rejectOldSamplesMaxAge, "rejectOldSamplesMaxAge");
    Objects.requireNonNull(creationGracePeriod, "creationGracePeriod");
    discoverServiceName = List.copyOf(discoverServiceName);
    logLevelFields = List.copyOf(logLevelFields);
  }

  public static Builder builder() {
    return new Builder(DEFAULTS);
  }

  public Builder toBuilder() {
    return new Builder(this);
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

    private Builder(ValidationLimits l) {
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
    }

    public Builder maxLabelNamesPerSeries(int v) { maxLabelNamesPerSeries = v; return this; }
    public Builder maxLabelNameLength(int v) { maxLabelNameLength = v; return this; }
    public Builder maxLabelValueLength(int v) { maxLabelValueLength = v; return this; }
    public Builder maxLineSize(int v) { maxLineSize = v; return this; }
    public Builder maxLineSizeTruncate(boolean v) { maxLineSizeTruncate = v; return this; }
    public Builder maxLineSizeTruncateIdentifier(String v) { maxLineSizeTruncateIdentifier = v; return this; }
    public Builder rejectOldSamples(boolean v) { rejectOldSamples = v; return this; }
    public Builder rejectOldSamplesMaxAge(Duration v) { rejectOldSamplesMaxAge = v; return this; }
    public Builder creationGracePeriod(Duration v) { creationGracePeriod = v; return this; }
    public Builder allowStructuredMetadata(boolean v) { allowStructuredMetadata = v; return this; }
    public Builder maxStructuredMetadataSize(int v) { maxStructuredMetadataSize = v; return this; }
    public Builder maxStructuredMetadataEntriesCount(int v) { maxStructuredMetadataEntriesCount = v; return this; }
    public Builder discoverServiceName(List<String> v) { discoverServiceName = v; return this; }
    public Builder discoverLogLevels(boolean v) { discoverLogLevels = v; return this; }
    public Builder logLevelFields(List<String> v) { logLevelFields = v; return this; }
    public Builder logLevelFromJsonMaxDepth(int v) { logLevelFromJsonMaxDepth = v; return this; }
    public Builder incrementDuplicateTimestamp(boolean v) { incrementDuplicateTimestamp = v; return this; }

    public ValidationLimits build() {
      return new ValidationLimits(maxLabelNamesPerSeries, maxLabelNameLength, maxLabelValueLength, maxLineSize,
          maxLineSizeTruncate, maxLineSizeTruncateIdentifier, rejectOldSamples, rejectOldSamplesMaxAge,
          creationGracePeriod, allowStructuredMetadata, maxStructuredMetadataSize,
          maxStructuredMetadataEntriesCount, discoverServiceName, discoverLogLevels, logLevelFields,
          logLevelFromJsonMaxDepth, incrementDuplicateTimestamp);
    }
  }
}
