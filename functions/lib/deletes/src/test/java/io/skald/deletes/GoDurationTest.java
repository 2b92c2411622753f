package io.skald.deletes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoDurationTest {

  @Test
  void parsesGoDurations() {
    assertThat(GoDuration.parse("24h")).isEqualTo(Duration.ofHours(24));
    assertThat(GoDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(GoDuration.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(GoDuration.parse(".5h")).isEqualTo(Duration.ofMinutes(30));
    assertThat(GoDuration.parse("300ms")).isEqualTo(Duration.ofMillis(300));
    assertThat(GoDuration.parse("2us")).isEqualTo(Duration.ofNanos(2000));
    assertThat(GoDuration.parse("-1m")).isEqualTo(Duration.ofMinutes(-1));
    assertThat(GoDuration.parse("0")).isZero();
    for (String bad : new String[] {"", "1", "h", "1d", "1.2.3s", "1 h", "1hh", "."}) {
      assertThatThrownBy(() -> GoDuration.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void formatsLikeGo() {
    assertThat(GoDuration.format(Duration.ofHours(24))).isEqualTo("24h0m0s");
    assertThat(GoDuration.format(Duration.ofMinutes(90))).isEqualTo("1h30m0s");
    assertThat(GoDuration.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
    assertThat(GoDuration.format(Duration.ofMillis(61_001))).isEqualTo("1m1.001s");
    assertThat(GoDuration.format(Duration.ofMillis(5))).isEqualTo("5ms");
    assertThat(GoDuration.format(Duration.ofNanos(1500))).isEqualTo("1.5\u00b5s");
    assertThat(GoDuration.format(Duration.ofNanos(7))).isEqualTo("7ns");
    assertThat(GoDuration.format(Duration.ZERO)).isEqualTo("0s");
    assertThat(GoDuration.format(Duration.ofSeconds(-3))).isEqualTo("-3s");
  }
}
