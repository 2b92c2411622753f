package io.skald.gocompat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PromDurationTest {

  @Test
  void parsesPrometheusDurations() {
    assertThat(PromDuration.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(PromDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(PromDuration.parse("1y")).isEqualTo(Duration.ofDays(365));
    assertThat(PromDuration.parse("2w1d")).isEqualTo(Duration.ofDays(15));
    assertThat(PromDuration.parse("400d")).isEqualTo(Duration.ofDays(400));
    assertThat(PromDuration.parse("100ms")).isEqualTo(Duration.ofMillis(100));
    assertThat(PromDuration.parse("1y2w3d4h5m6s7ms"))
        .isEqualTo(
            Duration.ofDays(365 + 14 + 3).plusHours(4).plusMinutes(5).plusSeconds(6).plusMillis(7));
    assertThat(PromDuration.parse("0")).isZero();
    assertThat(PromDuration.parse("0s")).isZero();
  }

  @Test
  void refusesWithPrometheusTexts() {
    assertThatThrownBy(() -> PromDuration.parse("")).hasMessage("empty duration string");
    for (String bad :
        new String[] {
          "5", "m", "30m1h", "1h1h", " 1h", "-1h", "99999999999999999999s", "\u0661h"
        }) {
      assertThatThrownBy(() -> PromDuration.parse(bad))
          .as(bad)
          .hasMessage("not a valid duration string: " + GoQuote.quote(bad));
    }
    assertThatThrownBy(() -> PromDuration.parse("5M"))
        .hasMessage("unknown unit \"M\" in duration \"5M\"");
    assertThatThrownBy(() -> PromDuration.parse("1.5h"))
        .hasMessage("unknown unit \".\" in duration \"1.5h\"");
    assertThatThrownBy(() -> PromDuration.parse("5us"))
        .hasMessage("unknown unit \"us\" in duration \"5us\"");
    assertThatThrownBy(() -> PromDuration.parse("5minutes"))
        .hasMessage("unknown unit \"minutes\" in duration \"5minutes\"");
    assertThatThrownBy(() -> PromDuration.parse("300y")).hasMessage("duration out of range");
    assertThatThrownBy(() -> PromDuration.parse("292y200d")).hasMessage("duration out of range");
  }

  @Test
  void printsYearsAndWeeksOnlyWhenTheyDivideTheValue() {
    assertThat(PromDuration.format(Duration.ofDays(400))).isEqualTo("400d");
    assertThat(PromDuration.format(Duration.ofDays(365))).isEqualTo("1y");
    assertThat(PromDuration.format(Duration.ofDays(730))).isEqualTo("2y");
    assertThat(PromDuration.format(Duration.ofDays(14))).isEqualTo("2w");
    assertThat(PromDuration.format(Duration.ofDays(8))).isEqualTo("8d");
    assertThat(PromDuration.format(Duration.ofDays(90))).isEqualTo("90d");
    assertThat(PromDuration.format(Duration.ofDays(366))).isEqualTo("366d");
  }

  @Test
  void formatsLikePrometheus() {
    assertThat(PromDuration.format(Duration.ZERO)).isEqualTo("0s");
    assertThat(PromDuration.format(Duration.ofNanos(999_999))).isEqualTo("0s");
    assertThat(PromDuration.format(Duration.ofHours(12))).isEqualTo("12h");
    assertThat(PromDuration.format(Duration.ofHours(24))).isEqualTo("1d");
    assertThat(PromDuration.format(Duration.ofHours(36))).isEqualTo("1d12h");
    assertThat(PromDuration.format(Duration.ofHours(721))).isEqualTo("30d1h");
    assertThat(PromDuration.format(Duration.ofMillis(1500))).isEqualTo("1s500ms");
    assertThat(PromDuration.format(Duration.ofHours(-36))).isEqualTo("-1d12h");
    assertThat(PromDuration.format(Duration.ofNanos(-1_500_000))).isEqualTo("-1ms");
  }

  @Test
  void formatReadsBack() {
    for (String d : new String[] {"1y", "400d", "2w", "30d1h", "1d12h", "1s500ms", "59m59s999ms"}) {
      assertThat(PromDuration.format(PromDuration.parse(d))).isEqualTo(d);
    }
  }
}
