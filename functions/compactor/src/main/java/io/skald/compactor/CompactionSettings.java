package io.skald.compactor;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;

/**
 * Compaction, retention and delete settings ({@code skald.compactor.*}), defaults as in the seed
 * deployment (compaction every 10m, retention on, 2h delete delay).
 *
 * @param compactionInterval how often the process sweeps (catch-up, merge, retention, deletes,
 *     delayed deletion); zero turns the in-process schedule off (Knative's PingSource ticks
 *     instead)
 * @param compactOnIndex merge a tenant-day right after indexing when it has enough small segments
 * @param minSegmentsToCompact a group of small segments is merged only from this size on
 * @param smallSegmentBytes segments below this size are merge candidates
 * @param targetObjectBytes merged objects stay at or below this size
 * @param retentionEnabled apply retention and serve the delete API (Loki's {@code
 *     retention_enabled})
 * @param retentionDeleteDelay replaced objects are deleted this long after they left the index
 * @param deleteRequestCancelPeriod delete requests can be cancelled this long, then are processed
 * @param deleteMaxInterval requests with line filters are processed in pieces of at most this
 * @param deletionMode {@code filter-and-delete}, {@code filter-only} or {@code disabled}
 */
@ConfigurationProperties("skald.compactor")
public record CompactionSettings(
    @Bindable(defaultValue = "10m") @NotNull Duration compactionInterval,
    @Bindable(defaultValue = "true") boolean compactOnIndex,
    @Bindable(defaultValue = "4") @Min(2) int minSegmentsToCompact,
    @Bindable(defaultValue = "8388608") @Min(1) long smallSegmentBytes,
    @Bindable(defaultValue = "134217728") @Min(1) long targetObjectBytes,
    @Bindable(defaultValue = "true") boolean retentionEnabled,
    @Bindable(defaultValue = "2h") @NotNull Duration retentionDeleteDelay,
    @Bindable(defaultValue = "24h") @NotNull Duration deleteRequestCancelPeriod,
    @Bindable(defaultValue = "24h") @NotNull Duration deleteMaxInterval,
    @Bindable(defaultValue = "filter-and-delete")
        @Pattern(regexp = "filter-and-delete|filter-only|disabled")
        String deletionMode) {}
