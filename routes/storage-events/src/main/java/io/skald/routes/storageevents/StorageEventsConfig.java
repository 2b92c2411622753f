package io.skald.routes.storageevents;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.skald.schemas.Topics;
import jakarta.validation.constraints.NotBlank;

/**
 * Storage-events route settings ({@code skald.storage-events.*}).
 *
 * @param enabled run the route (in processes whose target includes {@code compactor} or is {@code
 *     all})
 * @param sourceTopic topic the object store publishes its S3 bucket notifications to
 * @param targetTopic topic for the normalised {@code ObjectCreated} events
 * @param deadLetterTopic where unreadable, unsupported or foreign notifications go, with the reason
 * @param consumerGroup consumer group on the source topic
 * @param bucket the only bucket whose notifications are accepted; empty means {@code
 *     skald.storage.bucket}
 */
@ConfigurationProperties("skald.storage-events")
public record StorageEventsConfig(
    @Bindable(defaultValue = "false") boolean enabled,
    @Bindable(defaultValue = Topics.STORAGE_EVENTS_S3) @NotBlank String sourceTopic,
    @Bindable(defaultValue = Topics.STORAGE_EVENTS) @NotBlank String targetTopic,
    @Bindable(defaultValue = Topics.STORAGE_EVENTS_DLQ) @NotBlank String deadLetterTopic,
    @Bindable(defaultValue = "skald-storage-events") @NotBlank String consumerGroup,
    @Nullable String bucket) {}
