package io.skald.compactor;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Global retention limits ({@code skald.limits.*}, Loki's {@code limits_config}).
 *
 * @param retentionPeriod how long data is kept; zero keeps it forever
 * @param retentionStream per-stream rules, each {@code {selector, priority, period}}
 */
@ConfigurationProperties("skald.limits")
public record RetentionSettings(
    @Bindable(defaultValue = "168h") @NotNull Duration retentionPeriod,
    @Nullable List<Map<String, Object>> retentionStream) {}
