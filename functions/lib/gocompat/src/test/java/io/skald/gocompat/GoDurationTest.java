package io.skald.gocompat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoDurationTest {

  @Test
  void parsesGoDurations() {
    assertThat(GoDuration.parse("24h")).isEqualTo(Duration.ofHours(24));
    assertThat(GoDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(GoDuration.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
    assertThat(GoDuration.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(GoDuration.parse(".5h")).isEqualTo(Duration.ofMinutes(30));
    assertThat(GoDuration.parse("5.s")).isEqualTo(Duration.ofSeconds(5));
    assertThat(GoDuration.parse("300ms")).isEqualTo(Duration.ofMillis(300));
    assertThat(GoDuration.parse("1ms500us")).isEqualTo(Duration.ofNanos(1_500_000));
    assertThat(GoDuration.parse("2us")).isEqualTo(Duration.ofNanos(2000));
    assertThat(GoDuration.parse("3\u00b5s")).isEqualTo(Duration.ofNanos(3000));
    assertThat(GoDuration.parse("3\u03bcs")).isEqualTo(Duration.ofNanos(3000));
    assertThat(GoDuration.parse("-1m")).isEqualTo(Duration.ofMinutes(-1));
    assertThat(GoDuration.parse("+1m")).isEqualTo(Duration.ofMinutes(1));
    assertThat(GoDuration.parse("0")).isZero();
    assertThat(GoDuration.parse("-0")).isZero();
    assertThat(GoDuration.parse("1h1h")).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void fractionsTruncateToNanosecondsThroughFloat64AsInGo() {
    assertThat(GoDuration.parseNanos("0.000000001s")).isEqualTo(1);
    assertThat(GoDuration.parseNanos("1.0000000001s")).isEqualTo(1_000_000_000L);
    assertThat(GoDuration.parseNanos("1.1h")).isEqualTo(3_960_000_000_000L);
    // digits beyond int64 precision are read and ignored
    assertThat(GoDuration.parseNanos("1.00000000000000000000000000001s")).isEqualTo(1_000_000_000L);
  }

  @Test
  void parsesTheInt64Range() {
    assertThat(GoDuration.parseNanos("9223372036854775807ns")).isEqualTo(Long.MAX_VALUE);
    assertThat(GoDuration.parseNanos("-9223372036854775808ns")).isEqualTo(Long.MIN_VALUE);
    assertThat(GoDuration.parseNanos("2562047h47m16.854775807s")).isEqualTo(Long.MAX_VALUE);
    for (String bad :
        new String[] {
          "9223372036854775808ns", "2562048h", "99999999999999999999s", "2562047h48m"
        }) {
      assertThatThrownBy(() -> GoDuration.parse(bad))
          .as(bad)
          .hasMessage("time: invalid duration \"" + bad + "\"");
    }
  }

  @Test
  void refusesWithGosTexts() {
    for (String bad : new String[] {"", "-", "h", ".", ".s", "-.s", "x1s"}) {
      assertThatThrownBy(() -> GoDuration.parse(bad))
          .as(bad)
          .hasMessage("time: invalid duration \"" + bad + "\"");
    }
    assertThatThrownBy(() -> GoDuration.parse("12"))
        .hasMessage("time: missing unit in duration \"12\"");
    assertThatThrownBy(() -> GoDuration.parse("1.2.3s"))
        .hasMessage("time: missing unit in duration \"1.2.3s\"");
    assertThatThrownBy(() -> GoDuration.parse("1 h"))
        .hasMessage("time: unknown unit \" h\" in duration \"1 h\"");
    assertThatThrownBy(() -> GoDuration.parse("1d"))
        .hasMessage("time: unknown unit \"d\" in duration \"1d\"");
    assertThatThrownBy(() -> GoDuration.parse("2weeeeee"))
        .hasMessage("time: unknown unit \"weeeeee\" in duration \"2weeeeee\"");
    // The time package quotes bytes, not runes.
    assertThatThrownBy(() -> GoDuration.parse("1\u00e9"))
        .hasMessage("time: unknown unit \"\\xc3\\xa9\" in duration \"1\\xc3\\xa9\"");
    assertThatThrownBy(() -> GoDuration.parse("a\"b"))
        .hasMessage("time: invalid duration \"a\\\"b\"");
    // Only ASCII digits count, as in Go.
    assertThatThrownBy(() -> GoDuration.parse("\u0661s"))
        .hasMessage("time: invalid duration \"\\xd9\\xa1s\"");
  }

  @Test
  void formatsLikeGo() {
    assertThat(GoDuration.format(Duration.ofHours(24))).isEqualTo("24h0m0s");
    assertThat(GoDuration.format(Duration.ofHours(721))).isEqualTo("721h0m0s");
    assertThat(GoDuration.format(Duration.ofHours(745).plusMinutes(3))).isEqualTo("745h3m0s");
    assertThat(GoDuration.format(Duration.ofMinutes(90))).isEqualTo("1h30m0s");
    assertThat(GoDuration.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(GoDuration.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
    assertThat(GoDuration.format(Duration.ofMillis(61_001))).isEqualTo("1m1.001s");
    assertThat(GoDuration.format(Duration.ofMillis(5))).isEqualTo("5ms");
    assertThat(GoDuration.format(Duration.ofNanos(1_500_000))).isEqualTo("1.5ms");
    assertThat(GoDuration.format(Duration.ofNanos(1500))).isEqualTo("1.5\u00b5s");
    assertThat(GoDuration.format(Duration.ofNanos(7))).isEqualTo("7ns");
    assertThat(GoDuration.format(Duration.ofNanos(1_000_000_001))).isEqualTo("1.000000001s");
    assertThat(GoDuration.format(Duration.ZERO)).isEqualTo("0s");
    assertThat(GoDuration.format(Duration.ofSeconds(-3))).isEqualTo("-3s");
    assertThat(GoDuration.format(Long.MAX_VALUE)).isEqualTo("2562047h47m16.854775807s");
    assertThat(GoDuration.format(Long.MIN_VALUE)).isEqualTo("-2562047h47m16.854775808s");
  }

  @Test
  void formatReadsBack() {
    for (long n :
        new long[] {
          1,
          999,
          1000,
          1_234_567,
          59_999_999_999L,
          3_600_000_000_001L,
          -86_400_000_000_000L,
          Long.MAX_VALUE,
          Long.MIN_VALUE
        }) {
      assertThat(GoDuration.parseNanos(GoDuration.format(n))).as("%d", n).isEqualTo(n);
    }
  }
}
