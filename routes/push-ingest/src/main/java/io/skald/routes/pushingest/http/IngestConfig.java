package io.skald.routes.pushingest.http;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.skald.schemas.Topics;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Ingest settings ({@code skald.ingest.*}) beyond Loki's validation limits.
 *
 * @param topic bus topic the route publishes {@code LogBatch} events to
 * @param ingestionRateMb per-tenant ingestion rate in MB/s (Loki's {@code ingestion_rate_mb})
 * @param ingestionBurstSizeMb per-tenant burst in MB (Loki's {@code ingestion_burst_size_mb})
 */
@ConfigurationProperties("skald.ingest")
public record IngestConfig(
    @Bindable(defaultValue = Topics.LOGS_PUSH) @NotBlank String topic,
    @Bindable(defaultValue = "4") @Min(0) double ingestionRateMb,
    @Bindable(defaultValue = "6") @Min(0) double ingestionBurstSizeMb) {}
