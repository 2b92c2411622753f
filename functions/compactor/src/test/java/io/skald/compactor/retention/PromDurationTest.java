package io.skald.compactor.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PromDurationTest {

  @Test
  void formatsLikePrometheus() {
    assertThat(PromDuration.format(Duration.ZERO)).isEqualTo("0s");
    assertThat(PromDuration.format(Duration.ofHours(12))).isEqualTo("12h");
    assertThat(PromDuration.format(Duration.ofHours(24))).isEqualTo("1d");
    assertThat(PromDuration.format(Duration.ofHours(36))).isEqualTo("1d12h");
    assertThat(PromDuration.format(Duration.ofDays(7))).isEqualTo("1w");
    assertThat(PromDuration.format(Duration.ofDays(8))).isEqualTo("8d");
    assertThat(PromDuration.format(Duration.ofDays(365))).isEqualTo("1y");
    assertThat(PromDuration.format(Duration.ofMillis(1500))).isEqualTo("1s500ms");
  }
}
