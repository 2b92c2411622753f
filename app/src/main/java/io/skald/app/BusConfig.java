package io.skald.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.MapFormat;
import io.micronaut.core.naming.conventions.StringConvention;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Map;

/**
 * Event bus settings ({@code skald.bus.*}).
 *
 * @param kind {@code local} (the durable local log under the data dir) or {@code kafka}
 * @param partitions partitions per topic when a topic is created
 * @param kafkaBootstrapServers Kafka bootstrap servers, required for {@code kafka}
 * @param kafkaReplicationFactor replication factor of topics Skald creates
 * @param timeout how long a push may wait for the bus to make its records durable before it is
 *     answered 503
 * @param kafkaProperties further Kafka client properties (security settings, consumer session
 *     timeouts); a key prefixed {@code producer.}, {@code consumer.} or {@code admin.} applies to
 *     that client only. Settings durability depends on (acks, idempotence, auto-commit) cannot be
 *     overridden.
 */
@ConfigurationProperties("skald.bus")
public record BusConfig(
    @Bindable(defaultValue = "local") @Pattern(regexp = "local|kafka") String kind,
    @Bindable(defaultValue = "4") @Min(1) int partitions,
    @Nullable String kafkaBootstrapServers,
    @Bindable(defaultValue = "1") @Min(1) short kafkaReplicationFactor,
    @Bindable(defaultValue = "10s") @NotNull Duration timeout,
    @Nullable
        @MapFormat(
            transformation = MapFormat.MapTransformation.FLAT,
            keyFormat = StringConvention.RAW)
        Map<String, String> kafkaProperties) {}
