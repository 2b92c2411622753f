package io.skald.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.skald.limits.Limits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Loki's {@code limits_config} ({@code skald.limits.*}, each field's kebab-case name). An unset
 * property keeps its default from {@link Limits#DEFAULTS}, so the defaults live in one place; the
 * values are checked when {@link #toLimits} builds the record, with a message naming the field.
 * Sizes are in bytes, rates in MB (1048576 bytes), durations as {@code 10m}, {@code 168h} or
 * ISO-8601.
 */
@ConfigurationProperties("skald.limits")
public record LimitsConfig(
    @Nullable Integer maxLabelNamesPerSeries,
    @Nullable Integer maxLabelNameLength,
    @Nullable Integer maxLabelValueLength,
    @Nullable Integer maxLineSize,
    @Nullable Boolean maxLineSizeTruncate,
    @Nullable String maxLineSizeTruncateIdentifier,
    @Nullable Boolean rejectOldSamples,
    @Nullable Duration rejectOldSamplesMaxAge,
    @Nullable Duration creationGracePeriod,
    @Nullable Boolean allowStructuredMetadata,
    @Nullable Integer maxStructuredMetadataSize,
    @Nullable Integer maxStructuredMetadataEntriesCount,
    @Nullable List<String> discoverServiceName,
    @Nullable Boolean discoverLogLevels,
    @Nullable List<String> logLevelFields,
    @Nullable Integer logLevelFromJsonMaxDepth,
    @Nullable Boolean incrementDuplicateTimestamp,
    @Nullable Double ingestionRateMb,
    @Nullable Double ingestionBurstSizeMb,
    @Nullable Integer maxEntriesLimitPerQuery,
    @Nullable Duration maxQueryLength,
    @Nullable Duration queryTimeout,
    @Nullable Integer maxQuerySeries,
    @Nullable Integer volumeMaxSeries,
    @Nullable Duration retentionPeriod,
    @Nullable List<Map<String, Object>> retentionStream) {

  /** The defaults with every configured field applied. */
  Limits.Builder toBuilder() {
    Limits.Builder b = Limits.DEFAULTS.toBuilder();
    set(maxLabelNamesPerSeries, b::maxLabelNamesPerSeries);
    set(maxLabelNameLength, b::maxLabelNameLength);
    set(maxLabelValueLength, b::maxLabelValueLength);
    set(maxLineSize, b::maxLineSize);
    set(maxLineSizeTruncate, b::maxLineSizeTruncate);
    set(maxLineSizeTruncateIdentifier, b::maxLineSizeTruncateIdentifier);
    set(rejectOldSamples, b::rejectOldSamples);
    set(rejectOldSamplesMaxAge, b::rejectOldSamplesMaxAge);
    set(creationGracePeriod, b::creationGracePeriod);
    set(allowStructuredMetadata, b::allowStructuredMetadata);
    set(maxStructuredMetadataSize, b::maxStructuredMetadataSize);
    set(maxStructuredMetadataEntriesCount, b::maxStructuredMetadataEntriesCount);
    set(discoverServiceName, v -> b.discoverServiceName(names(v)));
    set(discoverLogLevels, b::discoverLogLevels);
    set(logLevelFields, v -> b.logLevelFields(names(v)));
    set(logLevelFromJsonMaxDepth, b::logLevelFromJsonMaxDepth);
    set(incrementDuplicateTimestamp, b::incrementDuplicateTimestamp);
    set(ingestionRateMb, b::ingestionRateMb);
    set(ingestionBurstSizeMb, b::ingestionBurstSizeMb);
    set(maxEntriesLimitPerQuery, b::maxEntriesLimitPerQuery);
    set(maxQueryLength, b::maxQueryLength);
    set(queryTimeout, b::queryTimeout);
    set(maxQuerySeries, b::maxQuerySeries);
    set(volumeMaxSeries, b::volumeMaxSeries);
    set(retentionPeriod, b::retentionPeriod);
    set(retentionStream, v -> b.retentionStream(RetentionStreamBinding.rules(v)));
    return b;
  }

  /**
   * @throws IllegalArgumentException naming the field of a value the limits refuse
   */
  Limits toLimits() {
    return toBuilder().build();
  }

  private static <T> void set(T value, Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }

  /** An empty value ({@code --limits.discover-service-name=}) is the empty list: discovery off. */
  private static List<String> names(List<String> configured) {
    return configured.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
