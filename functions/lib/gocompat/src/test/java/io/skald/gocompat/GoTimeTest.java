package io.skald.gocompat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoTimeTest {

  @Test
  void formatsRfc3339InUtcWithoutFraction() {
    assertThat(GoTime.rfc3339(1714564800_123456789L)).isEqualTo("2024-05-01T12:00:00Z");
    assertThat(GoTime.rfc3339(-1)).isEqualTo("1969-12-31T23:59:59Z");
  }

  @Test
  void saturatesOutOfRangeTimes() {
    assertThat(GoTime.saturatedNanos(1, 5)).isEqualTo(1_000_000_005L);
    assertThat(GoTime.saturatedNanos(-62135596800L, 0)).isEqualTo(Long.MIN_VALUE);
    assertThat(GoTime.saturatedNanos(253402300799L, 0)).isEqualTo(Long.MAX_VALUE);
    assertThat(GoTime.saturatedNanos(9223372036L, 854775807L)).isEqualTo(Long.MAX_VALUE);
    assertThat(GoTime.saturatedNanos(9223372036L, 854775808L)).isEqualTo(Long.MAX_VALUE);
  }
}
