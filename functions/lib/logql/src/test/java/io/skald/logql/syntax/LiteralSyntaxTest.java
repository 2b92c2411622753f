package io.skald.logql.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Strings, durations, byte sizes and numbers: parsing and lossless printing. */
class LiteralSyntaxTest {

  @Test
  void labelFilterDurationsArePrometheusElseGo() {
    assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
    assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(Durations.parse("-5m")).isEqualTo(Duration.ofMinutes(-5));
    assertThatThrownBy(() -> Durations.parse("12"))
        .hasMessage("time: missing unit in duration \"12\"");
  }

  @Test
  void durationsPrintLosslessly() {
    for (String d :
        new String[] {
          "5m",
          "1h30m",
          "1d",
          "1w",
          "1y",
          "2y3d",
          "500ms",
          "1s500ms",
          "1ms500us",
          "-5m",
          "1ns",
          "0s",
          "25h",
          "1h0m1ns"
        }) {
      Duration v = Durations.parse(d);
      assertThat(Durations.parse(Durations.format(v))).as(d).isEqualTo(v);
    }
    assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
    assertThat(Durations.format(Duration.ofDays(8))).isEqualTo("8d");
    assertThat(Durations.format(Duration.ofDays(14))).isEqualTo("2w");
    assertThat(Durations.format(Duration.ofMinutes(-5))).isEqualTo("-5m");
  }

  @Test
  void byteSizes() {
    assertThat(ByteSizes.parse("42MB")).isEqualTo(42_000_000L);
    assertThat(ByteSizes.parse("1.5KiB")).isEqualTo(1536L);
    assertThat(ByteSizes.parse("1kB")).isEqualTo(1000L);
    assertThat(ByteSizes.parse("1KB")).isEqualTo(1000L);
    assertThat(ByteSizes.parse("10B")).isEqualTo(10L);
    assertThat(ByteSizes.parse("2PiB")).isEqualTo(2L << 50);
    for (String bad : new String[] {"5mb", "5EB", "5b", "MB", "5XB"}) {
      assertThatThrownBy(() -> ByteSizes.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(ByteSizes.format(1536)).isEqualTo("1536B");
    assertThat(ByteSizes.format(2048)).isEqualTo("2KiB");
    assertThat(ByteSizes.format(42_000_000)).isEqualTo("42MB");
    assertThat(ByteSizes.format(0)).isEqualTo("0B");
  }

  @Test
  void numbersPrintInShortestPlainForm() {
    assertThat(Strings.formatNumber(1)).isEqualTo("1");
    assertThat(Strings.formatNumber(-0.5)).isEqualTo("-0.5");
    assertThat(Strings.formatNumber(1e21)).isEqualTo("1000000000000000000000");
    assertThat(Strings.formatNumber(1e-7)).isEqualTo("0.0000001");
    assertThat(Strings.formatNumber(-0.0)).isEqualTo("-0");
    assertThat(Strings.formatNumber(0.1 + 0.2)).isEqualTo("0.30000000000000004");
  }
}
