package io.skald.gocompat;

import java.time.Duration;

/**
 * Prometheus' {@code model.Duration}: {@code model.ParseDuration} ({@code [0-9]+} with units y, w,
 * d, h, m, s, ms, largest first, e.g. {@code 1h30m}) with its error texts, and {@code
 * Duration.String()}, which prints years and weeks only when they divide the value exactly ({@code
 * 400d}, {@code 2w}, {@code 30d1h}).
 */
public final class PromDuration {
  private static final long MS = 1_000_000L;
  private static final long DAY_MS = 86_400_000L;
  private static final String[] UNITS = {"y", "w", "d", "h", "m", "s", "ms"};
  private static final long[] UNIT_MS = {
    365 * DAY_MS, 7 * DAY_MS, DAY_MS, 3_600_000L, 60_000L, 1_000L, 1L
  };

  private PromDuration() {}

  /**
   * {@code model.ParseDuration}.
   *
   * @throws IllegalArgumentException with Prometheus' message: {@code empty duration string},
   *     {@code not a valid duration string: "x"}, {@code unknown unit "u" in duration "x"} or
   *     {@code duration out of range}
   */
  public static Duration parse(String s) {
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty duration string");
    }
    long dur = 0; // nanoseconds, at most 1 << 63 - 1
    int lastUnit = -1;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && isDigit(s.charAt(i))) {
        i++;
      }
      if (start == i) {
        throw invalid(s);
      }
      long v;
      try {
        v = Long.parseUnsignedLong(s.substring(start, i));
      } catch (NumberFormatException e) {
        throw invalid(s);
      }
      int unitStart = i;
      while (i < s.length() && !isDigit(s.charAt(i))) {
        i++;
      }
      if (unitStart == i) {
        throw invalid(s);
      }
      String u = s.substring(unitStart, i);
      int unit = unitIndex(u);
      if (unit < 0) {
        throw new IllegalArgumentException(
            "unknown unit " + GoQuote.quote(u) + " in duration " + GoQuote.quote(s));
      }
      if (unit <= lastUnit) {
        throw invalid(s); // units go from the largest to the smallest
      }
      lastUnit = unit;
      long mult = UNIT_MS[unit] * MS;
      if (Long.compareUnsigned(v, Long.divideUnsigned(Long.MIN_VALUE, mult)) > 0) {
        throw outOfRange();
      }
      long sum = dur + v * mult;
      if (sum < 0) {
        throw outOfRange();
      }
      dur = sum;
    }
    return Duration.ofNanos(dur);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int unitIndex(String unit) {
    for (int u = 0; u < UNITS.length; u++) {
      if (UNITS[u].equals(unit)) {
        return u;
      }
    }
    return -1;
  }

  private static IllegalArgumentException invalid(String s) {
    return new IllegalArgumentException("not a valid duration string: " + GoQuote.quote(s));
  }

  private static IllegalArgumentException outOfRange() {
    return new IllegalArgumentException("duration out of range");
  }

  /** {@code model.Duration.String()}: whole milliseconds, {@code 0s} for less than one. */
  public static String format(Duration d) {
    long ms = d.isNegative() ? -d.negated().toMillis() : d.toMillis(); // truncated, as in Go
    if (ms == 0) {
      return "0s";
    }
    StringBuilder b = new StringBuilder();
    if (ms < 0) {
      b.append('-');
      ms = -ms;
    }
    for (int u = 0; u < UNITS.length; u++) {
      // Years and weeks only when they divide the rest: 90d reads better than 12w6d.
      if (u < 2 && ms % UNIT_MS[u] != 0) {
        continue;
      }
      long v = ms / UNIT_MS[u];
      if (v > 0) {
        b.append(v).append(UNITS[u]);
        ms -= v * UNIT_MS[u];
      }
    }
    return b.toString();
  }
}
