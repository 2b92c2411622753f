package io.skald.gocompat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Go time formatting used in Loki's error texts. Loki runs in UTC in its images, so we print UTC.
 */
public final class GoTime {
  private static final DateTimeFormatter RFC3339 =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX").withZone(ZoneOffset.UTC);

  private GoTime() {}

  /** {@code t.Format(time.RFC3339)} for Unix nanoseconds, e.g. {@code 2024-01-02T03:04:05Z}. */
  public static String rfc3339(long unixNanos) {
    return RFC3339.format(instant(unixNanos));
  }

  public static Instant instant(long unixNanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(unixNanos, 1_000_000_000L), Math.floorMod(unixNanos, 1_000_000_000L));
  }

  /**
   * Unix nanoseconds of (seconds, nanos), saturated to the {@code long} range like an out-of-range
   * Go time.
   */
  public static long saturatedNanos(long seconds, long nanos) {
    long maxSeconds = Long.MAX_VALUE / 1_000_000_000L;
    if (seconds > maxSeconds) {
      return Long.MAX_VALUE;
    }
    if (seconds < -maxSeconds - 1) {
      return Long.MIN_VALUE;
    }
    long base = seconds * 1_000_000_000L;
    long sum = base + nanos;
    if (((base ^ sum) & (nanos ^ sum)) < 0) {
      return base < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return sum;
  }
}
