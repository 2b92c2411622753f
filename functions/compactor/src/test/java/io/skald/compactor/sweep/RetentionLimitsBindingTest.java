package io.skald.compactor.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skald.compactor.retention.RetentionLimits;
import io.skald.compactor.retention.RetentionPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionLimitsBindingTest {

  @Test
  void bindsGlobalRulesAndTenantOverrides() {
    RetentionLimits global = RetentionLimitsBinding.global(Duration.ofHours(168), List.of(
        Map.of("selector", "{namespace=\"dev\"}", "priority", "1", "period", "24h")));
    Map<String, RetentionLimits> overrides = RetentionLimitsBinding.overrides(Map.of(
        "team-a", Map.of("retention-period", "30d"),
        "team-b", Map.of("retention-stream", Map.of("0", Map.of("selector", "{app=\"x\"}", "period", "2w")))));
    RetentionPolicy policy = new RetentionPolicy(global, overrides);

    assertThat(policy.periodFor("fake", Map.of("namespace", "dev"))).isEqualTo(Duration.ofHours(24));
    assertThat(policy.periodFor("fake", Map.of("namespace", "prod"))).isEqualTo(Duration.ofHours(168));
    assertThat(policy.periodFor("team-a", Map.of("namespace", "prod"))).isEqualTo(Duration.ofDays(30));
    assertThat(policy.periodFor("team-b", Map.of("app", "x"))).isEqualTo(Duration.ofDays(14));
    assertThat(policy.periodFor("team-b", Map.of("namespace", "dev"))).as("own rules hide global ones")
        .isEqualTo(Duration.ofHours(168));
  }

  @Test
  void rejectsRulesLokiRejects() {
    assertThatThrownBy(() -> RetentionLimitsBinding.global(Duration.ZERO, List.of(
        Map.of("selector", "{a=\"b\"}", "period", "12h"))))
        .hasMessage("retention period must be >= 24h was 12h");
  }
}
