package io.skald.gocompat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LokiTimeTest {

  @Test
  void tenDigitsOrFewerAreSecondsAndLongerAreNanoseconds() {
    assertThat(LokiTime.parseTimestamp("1700000000", 0)).isEqualTo(1_700_000_000_000_000_000L);
    assertThat(LokiTime.parseTimestamp("1700000000000000000", 0))
        .isEqualTo(1_700_000_000_000_000_000L);
    assertThat(LokiTime.parseTimestamp("42", 0)).isEqualTo(42_000_000_000L);
    assertThat(LokiTime.parseTimestamp("17000000001", 0)).isEqualTo(17_000_000_001L);
  }

  @Test
  void floatSecondsAreRoundedToMilliseconds() {
    assertThat(LokiTime.parseTimestamp("1700000000.1234", 0)).isEqualTo(1_700_000_000_123_000_000L);
    assertThat(LokiTime.parseTimestamp("1700000000.9996", 0)).isEqualTo(1_700_000_001_000_000_000L);
    assertThat(LokiTime.parseTimestamp("1.5", 0)).isEqualTo(1_500_000_000L);
  }

  @Test
  void rfc3339WithAndWithoutFraction() {
    assertThat(LokiTime.parseTimestamp("2025-11-18T05:20:48.538Z", 0))
        .isEqualTo(1_763_443_248_538_000_000L);
    assertThat(LokiTime.parseTimestamp("2025-11-18T06:20:48+01:00", 0))
        .isEqualTo(1_763_443_248_000_000_000L);
    assertThat(LokiTime.parseTimestamp("2025-11-18T05:20:48.000000001Z", 0))
        .isEqualTo(1_763_443_248_000_000_001L);
  }

  @Test
  void emptyMeansTheDefault() {
    assertThat(LokiTime.parseTimestamp("", 7)).isEqualTo(7);
    assertThat(LokiTime.parseTimestamp(null, 7)).isEqualTo(7);
  }

  @Test
  void garbageGivesGoStyleMessage() {
    assertThatThrownBy(() -> LokiTime.parseTimestamp("yesterday", 0))
        .hasMessage("strconv.ParseInt: parsing \"yesterday\": invalid syntax");
    assertThatThrownBy(() -> LokiTime.parseTimestamp("99999999999999999999", 0))
        .hasMessage("strconv.ParseInt: parsing \"99999999999999999999\": value out of range");
  }

  @Test
  void rfc3339AsGoParsesIt() {
    // Go takes a one-digit hour and a comma before the fraction ...
    assertThat(LokiTime.parseTimestamp("2025-11-18T5:20:48Z", 0))
        .isEqualTo(1_763_443_248_000_000_000L);
    assertThat(LokiTime.parseTimestamp("2025-11-18T05:20:48,5Z", 0))
        .isEqualTo(1_763_443_248_500_000_000L);
    // ... but not what Java's ISO parser also takes: lower case, no seconds, spaces, Unicode
    // digits.
    for (String bad :
        new String[] {"2025-11-18t05:20:48z", "2025-11-18T05:20Z", " 1700000000", "\u0661\u0662"}) {
      assertThatThrownBy(() -> LokiTime.parseTimestamp(bad, 0))
          .as(bad)
          .isInstanceOf(NumberFormatException.class)
          .hasMessageEndingWith(": invalid syntax");
    }
  }

  @Test
  void durationsAreFloatSecondsOrPrometheusDurations() {
    assertThat(LokiTime.parseSecondsOrDuration("15")).isEqualTo(Duration.ofSeconds(15));
    assertThat(LokiTime.parseSecondsOrDuration("0.5")).isEqualTo(Duration.ofMillis(500));
    assertThat(LokiTime.parseSecondsOrDuration("14000ms")).isEqualTo(Duration.ofSeconds(14));
    assertThat(LokiTime.parseSecondsOrDuration("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(LokiTime.parseSecondsOrDuration("1d")).isEqualTo(Duration.ofDays(1));
    assertThat(LokiTime.parseSecondsOrDuration("2w")).isEqualTo(Duration.ofDays(14));
    assertThatThrownBy(() -> LokiTime.parseSecondsOrDuration("1x"))
        .hasMessage("cannot parse \"1x\" to a valid duration");
    assertThatThrownBy(() -> LokiTime.parseSecondsOrDuration("30m1h"))
        .hasMessage("cannot parse \"30m1h\" to a valid duration");
    assertThatThrownBy(() -> LokiTime.parseSecondsOrDuration("1e300"))
        .hasMessage("cannot parse \"1e300\" to a valid duration. It overflows int64");
    assertThatThrownBy(() -> LokiTime.parseSecondsOrDuration("a\"b"))
        .hasMessage("cannot parse \"a\\\"b\" to a valid duration");
  }
}
