package io.skald.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.skald.compactor.CompactionSettings;
import io.skald.compactor.retention.RetentionPolicy;
import io.skald.limits.TenantLimits;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compaction and retention settings bind from flags as docs/configuration.md says. */
class CompactionSettingsBindingTest {

  @Test
  void defaultsAreTheSeedDeployments() {
    try (ApplicationContext ctx = ApplicationContext.run(Map.of("skald.target", "querier"))) {
      CompactionSettings s = ctx.getBean(CompactionSettings.class);
      assertThat(s.compactionInterval()).isEqualTo(Duration.ofMinutes(10));
      assertThat(s.retentionEnabled()).isTrue();
      assertThat(s.retentionDeleteDelay()).isEqualTo(Duration.ofHours(2));
      assertThat(s.deleteRequestCancelPeriod()).isEqualTo(Duration.ofHours(24));
      assertThat(s.deletionMode()).isEqualTo("filter-and-delete");
      assertThat(ctx.getBean(TenantLimits.class).global().retentionPeriod())
          .isEqualTo(Duration.ofHours(168));
      assertThat(ctx.getBean(StorageConfig.class).adminBucket()).isEqualTo("loki-admin");
    }
  }

  @Test
  void streamRulesAndTenantOverridesBindFromFlags() {
    String[] args =
        Skald.toProperties(
            new String[] {
              "--target=querier",
              "--limits.retention-stream[0].selector={namespace=\"dev\"}",
              "--limits.retention-stream[0].priority=1",
              "--limits.retention-stream[0].period=24h",
              "--overrides.team-a.retention-period=30d",
              "--overrides.team-b.retention-stream[0].selector={app=\"x\"}",
              "--overrides.team-b.retention-stream[0].period=2w"
            });
    try (ApplicationContext ctx = ApplicationContext.builder().args(args).start()) {
      RetentionPolicy policy = new RetentionPolicy(ctx.getBean(TenantLimits.class));
      assertThat(policy.periodFor("fake", Map.of("namespace", "dev")))
          .isEqualTo(Duration.ofHours(24));
      assertThat(policy.periodFor("fake", Map.of("namespace", "prod")))
          .isEqualTo(Duration.ofHours(168));
      assertThat(policy.periodFor("team-a", Map.of("namespace", "prod")))
          .isEqualTo(Duration.ofDays(30));
      assertThat(policy.periodFor("team-a", Map.of("namespace", "dev")))
          .as("global rules still apply")
          .isEqualTo(Duration.ofHours(24));
      assertThat(policy.periodFor("team-b", Map.of("app", "x"))).isEqualTo(Duration.ofDays(14));
      assertThat(policy.periodFor("team-b", Map.of("namespace", "dev")))
          .as("own rules hide global ones")
          .isEqualTo(Duration.ofHours(168));
    }
  }
}
