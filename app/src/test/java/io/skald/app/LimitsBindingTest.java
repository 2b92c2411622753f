package io.skald.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.skald.limits.Limits;
import io.skald.limits.RetentionStream;
import io.skald.limits.TenantLimits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code skald.limits.*} binds once into the limits every function receives. */
class LimitsBindingTest {

  private static ApplicationContext start(String... flags) {
    String[] all = new String[flags.length + 1];
    all[0] = "--target=querier";
    System.arraycopy(flags, 0, all, 1, flags.length);
    return ApplicationContext.builder().args(Skald.toProperties(all)).start();
  }

  @Test
  void withoutConfigurationTheLimitsAreTheDefaults() {
    try (ApplicationContext ctx = ApplicationContext.run(Map.of("skald.target", "querier"))) {
      TenantLimits limits = ctx.getBean(TenantLimits.class);
      assertThat(limits.global()).isEqualTo(Limits.DEFAULTS);
      assertThat(limits.overrides()).isEmpty();
    }
  }

  @Test
  void everyKindOfValueBindsUnderItsKebabCaseName() {
    try (ApplicationContext ctx =
        start(
            "--limits.max-line-size=100",
            "--limits.max-line-size-truncate=true",
            "--limits.max-line-size-truncate-identifier=...",
            "--limits.reject-old-samples-max-age=24h",
            "--limits.discover-service-name=app,job",
            "--limits.ingestion-rate-mb=0.5",
            "--limits.max-entries-limit-per-query=10",
            "--limits.max-query-length=30d",
            "--limits.query-timeout=5m",
            "--limits.max-query-series=7",
            "--limits.volume-max-series=9",
            "--limits.retention-period=0s",
            "--limits.retention-stream[0].selector={app=\"x\"}",
            "--limits.retention-stream[0].period=7d")) {
      Limits l = ctx.getBean(TenantLimits.class).global();
      assertThat(l.maxLineSize()).isEqualTo(100);
      assertThat(l.maxLineSizeTruncate()).isTrue();
      assertThat(l.maxLineSizeTruncateIdentifier()).isEqualTo("...");
      assertThat(l.rejectOldSamplesMaxAge()).isEqualTo(Duration.ofHours(24));
      assertThat(l.discoverServiceName()).containsExactly("app", "job");
      assertThat(l.ingestionRateMb()).isEqualTo(0.5);
      assertThat(l.maxEntriesLimitPerQuery()).isEqualTo(10);
      assertThat(l.maxQueryLength()).isEqualTo(Duration.ofDays(30));
      assertThat(l.queryTimeout()).isEqualTo(Duration.ofMinutes(5));
      assertThat(l.maxQuerySeries()).isEqualTo(7);
      assertThat(l.volumeMaxSeries()).isEqualTo(9);
      assertThat(l.retentionPeriod()).isZero();
      assertThat(l.retentionStream())
          .containsExactly(new RetentionStream("{app=\"x\"}", 0, Duration.ofDays(7)));
      assertThat(l.maxLabelNamesPerSeries()).as("unset keeps its default").isEqualTo(15);
    }
  }

  @Test
  void anEmptyListTurnsServiceNameDiscoveryOff() {
    try (ApplicationContext ctx = start("--limits.discover-service-name=")) {
      assertThat(ctx.getBean(TenantLimits.class).global().discoverServiceName()).isEmpty();
    }
  }

  @Test
  void aRefusedValueStopsTheStartNamingTheField() {
    assertThatThrownBy(() -> start("--limits.max-line-size=-1").getBean(TenantLimits.class))
        .hasStackTraceContaining("limits: max_line_size must not be negative, got -1");
  }

  @Test
  void theIngestRatesOldNamesStillWork() {
    try (ApplicationContext ctx =
        start("--ingest.ingestion-rate-mb=1", "--ingest.ingestion-burst-size-mb=2")) {
      Limits l = ctx.getBean(TenantLimits.class).global();
      assertThat(l.ingestionRateMb()).isEqualTo(1);
      assertThat(l.ingestionBurstSizeMb()).isEqualTo(2);
    }
    try (ApplicationContext ctx =
        start("--ingest.ingestion-rate-mb=1", "--limits.ingestion-rate-mb=3")) {
      assertThat(ctx.getBean(TenantLimits.class).global().ingestionRateMb())
          .as("the new name wins")
          .isEqualTo(3);
    }
  }

  @Test
  void tenantOverridesStartFromTheGlobalLimits() {
    try (ApplicationContext ctx =
        start("--limits.max-line-size=100", "--overrides.team-a.retention-period=30d")) {
      TenantLimits limits = ctx.getBean(TenantLimits.class);
      Limits teamA = limits.forTenant("team-a");
      assertThat(teamA.retentionPeriod()).isEqualTo(Duration.ofDays(30));
      assertThat(teamA.maxLineSize()).isEqualTo(100);
      assertThat(limits.forTenant("fake")).isSameAs(limits.global());
      assertThat(List.copyOf(limits.overrides().keySet())).containsExactly("team-a");
    }
  }
}
