package io.skald.querier.params;

import java.time.Duration;

/** Formats durations as Prometheus' {@code model.Duration.String} does (e.g. {@code 30d1h}), for Loki-identical messages. */
public final class PromDuration {

  private static final long DAY = 86_400_000L;

  private PromDuration() {}

  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms == 0) {
      return "0s";
    }
    StringBuilder b = new StringBuilder();
    long[] rest = {ms};
    unit(b, rest, "y", 365 * DAY, false);
    unit(b, rest, "w", 7 * DAY, true);
    unit(b, rest, "d", DAY, false);
    unit(b, rest, "h", 3_600_000L, false);
    unit(b, rest, "m", 60_000L, false);
    unit(b, rest, "s", 1_000L, false);
    unit(b, rest, "ms", 1L, false);
    return b.toString();
  }

  /** Weeks are used only when they divide the rest exactly, as Prometheus does. */
  private static void unit(StringBuilder b, long[] rest, String unit, long mult, boolean exact) {
    if (exact && rest[0] % mult != 0) {
      return;
    }
    long v = rest[0] / mult;
    if (v > 0) {
      b.append(v).append(unit);
      rest[0] -= v * mult;
    }
  }
}
