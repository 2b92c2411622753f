package io.skald.logql.syntax;

import io.skald.gocompat.GoDuration;
import io.skald.gocompat.PromDuration;
import java.time.Duration;

/**
 * LogQL's use of durations. Ranges take Prometheus durations ({@link PromDuration}); label filters
 * and offsets take a Prometheus duration or else a Go one ({@code 1.5h}, {@code 300us}).
 */
public final class Durations {
  private static final long MS = 1_000_000L;

  private Durations() {}

  /** Loki's rule for label filters and offsets: Prometheus syntax first, then Go's. */
  public static Duration parse(String s) {
    try {
      return PromDuration.parse(s);
    } catch (IllegalArgumentException e) {
      return GoDuration.parse(s);
    }
  }

  /**
   * Canonical text: Prometheus style ({@code 1h30m}, {@code 1d}) when the value is a non-negative
   * whole number of milliseconds, else Go units ({@code -5m}, {@code 1ms500us}), so that {@link
   * #parse} returns the same value.
   */
  public static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    long nanos = d.toNanos();
    if (nanos > 0 && nanos % MS == 0) {
      return PromDuration.format(d);
    }
    StringBuilder sb = new StringBuilder();
    if (nanos < 0) {
      sb.append('-');
      nanos = -nanos;
    }
    long[] mult = {3_600_000 * MS, 60_000 * MS, 1_000 * MS, MS, 1_000L, 1L};
    String[] unit = {"h", "m", "s", "ms", "us", "ns"};
    for (int u = 0; u < mult.length; u++) {
      long v = nanos / mult[u];
      if (v > 0) {
        sb.append(v).append(unit[u]);
        nanos -= v * mult[u];
      }
    }
    return sb.toString();
  }
}
