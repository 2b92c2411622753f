package io.skald.compactor.retention;

import java.time.Duration;

/**
 * Formats durations the way Prometheus' {@code model.Duration} prints them ({@code 1d12h},
 * {@code 2w}, {@code 0s}), which is how Loki echoes retention periods in its messages.
 */
public final class PromDuration {

  private static final long SECOND = 1000;
  private static final long MINUTE = 60 * SECOND;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;

  private PromDuration() {}

  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms == 0) {
      return "0s";
    }
    StringBuilder sb = new StringBuilder();
    if (ms < 0) {
      sb.append('-');
      ms = -ms;
    }
    // Years and weeks are only used when they divide the value exactly.
    long[] rest = {ms};
    unit(sb, rest, "y", 365 * DAY, true);
    unit(sb, rest, "w", 7 * DAY, true);
    unit(sb, rest, "d", DAY, false);
    unit(sb, rest, "h", HOUR, false);
    unit(sb, rest, "m", MINUTE, false);
    unit(sb, rest, "s", SECOND, false);
    unit(sb, rest, "ms", 1, false);
    return sb.toString();
  }

  private static void unit(StringBuilder sb, long[] rest, String name, long size, boolean exact) {
    if (exact && rest[0] % size != 0) {
      return;
    }
    long v = rest[0] / size;
    if (v > 0) {
      sb.append(v).append(name);
      rest[0] -= v * size;
    }
  }
}
