package io.skald.querier.params;

import java.math.BigDecimal;
import java.time.Duration;

/** Formats durations as Go's {@code time.Duration.String} does, for Loki-identical messages. */
public final class GoDuration {

  private GoDuration() {}

  public static String format(Duration d) {
    long nanos = d.toNanos();
    if (nanos == 0) {
      return "0s";
    }
    String sign = nanos < 0 ? "-" : "";
    long abs = Math.abs(nanos);
    if (abs < 1_000L) {
      return sign + abs + "ns";
    }
    if (abs < 1_000_000L) {
      return sign + fraction(abs, 1_000L) + "µs";
    }
    if (abs < 1_000_000_000L) {
      return sign + fraction(abs, 1_000_000L) + "ms";
    }
    long hours = abs / 3_600_000_000_000L;
    long rest = abs % 3_600_000_000_000L;
    long minutes = rest / 60_000_000_000L;
    long secNanos = rest % 60_000_000_000L;
    StringBuilder b = new StringBuilder(sign);
    if (hours > 0) {
      b.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      b.append(minutes).append('m');
    }
    return b.append(fraction(secNanos, 1_000_000_000L)).append('s').toString();
  }

  private static String fraction(long value, long unit) {
    return BigDecimal.valueOf(value).divide(BigDecimal.valueOf(unit)).stripTrailingZeros().toPlainString();
  }
}
