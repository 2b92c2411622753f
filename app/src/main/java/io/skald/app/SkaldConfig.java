package io.skald.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.skald.health.Targets;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Process-wide settings ({@code skald.*}).
 *
 * @param target which functions and routes this process runs: {@code all} or a comma-separated list
 *     of {@code ingest, chunker, querier, compactor} (like Loki's {@code -target})
 * @param dataDir where the embedded default keeps the local bus and objects
 */
@ConfigurationProperties("skald")
public record SkaldConfig(
    @Bindable(defaultValue = "all")
        @Pattern(
            regexp = Targets.VALID,
            message =
                "must be 'all' or a comma-separated list of ingest, chunker, querier, compactor")
        String target,
    @Bindable(defaultValue = "./data") @NotBlank String dataDir) {}
