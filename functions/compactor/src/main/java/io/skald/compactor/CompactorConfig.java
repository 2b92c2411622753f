package io.skald.compactor;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.skald.schemas.Topics;
import jakarta.validation.constraints.NotBlank;

/**
 * Compactor settings ({@code skald.compactor.*}).
 *
 * @param storageEventsTopic bus topic carrying {@code ObjectCreated} events
 * @param deadLetterTopic where undecodable or foreign events go, with the reason
 * @param consumerGroup consumer group of the compactor instances
 * @param consumeBus run the compactor's own consumer loop on the storage-events topic; off when
 *     something else delivers the events (Knative's KafkaSource, to {@code POST /events/storage})
 */
@ConfigurationProperties("skald.compactor")
public record CompactorConfig(
    @Bindable(defaultValue = Topics.STORAGE_EVENTS) @NotBlank String storageEventsTopic,
    @Bindable(defaultValue = Topics.STORAGE_EVENTS_DLQ) @NotBlank String deadLetterTopic,
    @Bindable(defaultValue = "skald-compactor") @NotBlank String consumerGroup,
    @Bindable(defaultValue = "true") boolean consumeBus) {}
