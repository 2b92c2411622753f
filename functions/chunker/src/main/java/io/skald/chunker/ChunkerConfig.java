package io.skald.chunker;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.skald.schemas.Topics;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Chunker settings ({@code skald.chunker.*}).
 *
 * @param flushInterval how long an entry may wait in memory before its segment is cut; short in the
 *     embedded default so pushed lines are queryable within about a second
 * @param maxBufferBytes raw bytes buffered across all partitions before a flush is forced
 * @param topic the bus topic carrying {@code LogBatch} events
 * @param storageEventsTopic where {@code ObjectCreated} events are published after a write
 * @param deadLetterTopic where undecodable records go, with the reason
 * @param consumerGroup consumer group of the chunker instances
 * @param zstdLevel zstd level for segment blocks
 * @param publishObjectEvents publish {@code ObjectCreated} after each write; off when the object
 *     store delivers bucket notifications itself
 */
@ConfigurationProperties("skald.chunker")
public record ChunkerConfig(
    @Bindable(defaultValue = "1s") @NotNull Duration flushInterval,
    @Bindable(defaultValue = "67108864") @Min(1024) long maxBufferBytes,
    @Bindable(defaultValue = Topics.LOGS_PUSH) @NotBlank String topic,
    @Bindable(defaultValue = Topics.STORAGE_EVENTS) @NotBlank String storageEventsTopic,
    @Bindable(defaultValue = Topics.LOGS_PUSH_DLQ) @NotBlank String deadLetterTopic,
    @Bindable(defaultValue = "skald-chunker") @NotBlank String consumerGroup,
    @Bindable(defaultValue = "3") @Min(1) int zstdLevel,
    @Bindable(defaultValue = "true") boolean publishObjectEvents) {}
