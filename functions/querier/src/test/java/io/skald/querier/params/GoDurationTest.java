package io.skald.querier.params;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoDurationTest {

  @Test
  void formatsLikeGo() {
    assertThat(GoDuration.format(Duration.ofHours(721))).isEqualTo("721h0m0s");
    assertThat(GoDuration.format(Duration.ofHours(745).plusMinutes(3))).isEqualTo("745h3m0s");
    assertThat(GoDuration.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(GoDuration.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
    assertThat(GoDuration.format(Duration.ofMillis(20))).isEqualTo("20ms");
    assertThat(GoDuration.format(Duration.ZERO)).isEqualTo("0s");
    assertThat(GoDuration.format(Duration.ofNanos(42))).isEqualTo("42ns");
  }

  @Test
  void prometheusDurationsUseDaysAndExactWeeks() {
    assertThat(PromDuration.format(Duration.ofHours(721))).isEqualTo("30d1h");
    assertThat(PromDuration.format(Duration.ofDays(14))).isEqualTo("2w");
    assertThat(PromDuration.format(Duration.ofDays(365))).isEqualTo("1y");
    assertThat(PromDuration.format(Duration.ofMillis(1500))).isEqualTo("1s500ms");
    assertThat(PromDuration.format(Duration.ZERO)).isEqualTo("0s");
  }
}
