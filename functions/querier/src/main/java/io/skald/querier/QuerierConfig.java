package io.skald.querier;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Query limits ({@code skald.limits.*}), named and defaulted as Loki's {@code limits_config}.
 *
 * @param maxEntriesLimitPerQuery largest {@code limit} a log query may ask for (0 = no limit)
 * @param maxQueryLength longest {@code end - start} a query may span (0 = no limit)
 * @param queryTimeout how long a query may run before it is answered 504
 */
@ConfigurationProperties("skald.limits")
public record QuerierConfig(
    @Bindable(defaultValue = "5000") @Min(0) int maxEntriesLimitPerQuery,
    @Bindable(defaultValue = "721h") @NotNull Duration maxQueryLength,
    @Bindable(defaultValue = "1m") @NotNull Duration queryTimeout) {}
