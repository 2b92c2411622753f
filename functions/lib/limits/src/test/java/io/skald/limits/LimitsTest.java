package io.skald.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LimitsTest {

  @Test
  void defaultsAreLokisWithTheSeedDeploymentsRetention() {
    Limits d = Limits.DEFAULTS;

    assertThat(d.maxLabelNamesPerSeries()).isEqualTo(15);
    assertThat(d.maxLabelNameLength()).isEqualTo(1024);
    assertThat(d.maxLabelValueLength()).isEqualTo(2048);
    assertThat(d.maxLineSize()).isEqualTo(262144);
    assertThat(d.maxLineSizeTruncate()).isFalse();
    assertThat(d.maxLineSizeTruncateIdentifier()).isEmpty();
    assertThat(d.rejectOldSamples()).isTrue();
    assertThat(d.rejectOldSamplesMaxAge()).isEqualTo(Duration.ofDays(7));
    assertThat(d.creationGracePeriod()).isEqualTo(Duration.ofMinutes(10));
    assertThat(d.allowStructuredMetadata()).isTrue();
    assertThat(d.maxStructuredMetadataSize()).isEqualTo(65536);
    assertThat(d.maxStructuredMetadataEntriesCount()).isEqualTo(128);
    assertThat(d.discoverServiceName())
        .startsWith("service", "app", "application")
        .endsWith("job", "k8s_job_name");
    assertThat(d.discoverLogLevels()).isTrue();
    assertThat(d.logLevelFields()).startsWith("level", "LEVEL").endsWith("SEVERITY_TEXT");
    assertThat(d.logLevelFromJsonMaxDepth()).isEqualTo(2);
    assertThat(d.incrementDuplicateTimestamp()).isFalse();
    assertThat(d.ingestionRateMb()).isEqualTo(4);
    assertThat(d.ingestionBurstSizeMb()).isEqualTo(6);
    assertThat(d.maxEntriesLimitPerQuery()).isEqualTo(5000);
    assertThat(d.maxQueryLength()).isEqualTo(Duration.ofHours(721));
    assertThat(d.queryTimeout()).isEqualTo(Duration.ofMinutes(1));
    assertThat(d.maxQuerySeries()).isEqualTo(500);
    assertThat(d.volumeMaxSeries()).isEqualTo(1000);
    assertThat(d.retentionPeriod()).isEqualTo(Duration.ofHours(168));
    assertThat(d.retentionStream()).isEmpty();
  }

  @Test
  void builderRoundTrips() {
    assertThat(Limits.DEFAULTS.toBuilder().build()).isEqualTo(Limits.DEFAULTS);
    assertThat(Limits.builder().maxLineSize(0).build().maxLineSize()).isZero();
    assertThat(Limits.builder().maxQuerySeries(7).build()).isNotEqualTo(Limits.DEFAULTS);
  }

  @Test
  void refusesValuesNamingTheField() {
    assertThatThrownBy(() -> Limits.builder().maxLineSize(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limits: max_line_size must not be negative, got -1");
    assertThatThrownBy(() -> Limits.builder().queryTimeout(Duration.ZERO).build())
        .hasMessage("limits: query_timeout must be positive, got PT0S");
    assertThatThrownBy(() -> Limits.builder().retentionPeriod(Duration.ofHours(-1)).build())
        .hasMessage("limits: retention_period must not be negative, got PT-1H");
    assertThatThrownBy(() -> Limits.builder().ingestionRateMb(Double.NaN).build())
        .hasMessageStartingWith("limits: ingestion_rate_mb must be a finite number");
    assertThatThrownBy(() -> Limits.builder().volumeMaxSeries(0).build())
        .hasMessage("limits: volume_max_series must be at least 1, got 0");
    assertThatThrownBy(() -> Limits.builder().maxQueryLength(null).build())
        .hasMessage("limits: max_query_length must be set");
    assertThatThrownBy(() -> Limits.builder().discoverServiceName(List.of("app", " ")).build())
        .hasMessageStartingWith("limits: discover_service_name must not hold an empty name");
    assertThatThrownBy(() -> new RetentionStream(" ", 1, Duration.ofDays(1)))
        .hasMessage("limits: retention_stream rule needs a selector");
  }

  @Test
  void listsAreCopied() {
    List<String> names = new ArrayList<>(List.of("app"));
    Limits l = Limits.builder().discoverServiceName(names).build();
    names.add("job");
    assertThat(l.discoverServiceName()).containsExactly("app");
  }

  @Test
  void tenantsWithoutOverridesGetTheGlobalLimits() {
    Limits global = Limits.builder().maxLineSize(100).build();
    Limits teamA = global.toBuilder().retentionPeriod(Duration.ofDays(30)).build();
    TenantLimits limits = new TenantLimits(global, Map.of("team-a", teamA));

    assertThat(limits.forTenant("team-a")).isSameAs(teamA);
    assertThat(limits.forTenant("fake")).isSameAs(global);
    assertThat(TenantLimits.of(global).forTenant("team-a")).isSameAs(global);
    assertThat(limits.overrides()).containsOnlyKeys("team-a");
  }
}
