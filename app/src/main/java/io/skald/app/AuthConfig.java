package io.skald.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;

/**
 * Tenancy settings ({@code skald.auth.*}).
 *
 * @param enabled require {@code X-Scope-OrgID} on every API call (Loki's {@code auth_enabled}); off
 *     in the embedded default, as in Loki's single-binary example configuration
 * @param noAuthTenant the tenant of every request while auth is off
 */
@ConfigurationProperties("skald.auth")
public record AuthConfig(
    @Bindable(defaultValue = "false") boolean enabled,
    @Bindable(defaultValue = "fake") @NotBlank String noAuthTenant) {}
