package io.skald.routes.pushingest.http;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.skald.schemas.Topics;
import jakarta.validation.constraints.NotBlank;

/**
 * Ingest settings ({@code skald.ingest.*}); the validation and rate limits are the tenant's {@code
 * Limits} ({@code skald.limits.*}).
 *
 * @param topic bus topic the route publishes {@code LogBatch} events to
 */
@ConfigurationProperties("skald.ingest")
public record IngestConfig(@Bindable(defaultValue = Topics.LOGS_PUSH) @NotBlank String topic) {}
