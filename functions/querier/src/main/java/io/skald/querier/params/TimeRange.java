package io.skald.querier.params;

import io.skald.gocompat.LokiTime;
import io.skald.gocompat.PromDuration;

/** A query window in Unix nanoseconds: entries with {@code start <= ts < end}. */
public record TimeRange(long startNanos, long endNanos) {

  public static final long DEFAULT_SINCE_NANOS = 3_600_000_000_000L;

  /** Loki's {@code determineBounds}: end defaults to now, start to min(end, now) - since (1h). */
  public static TimeRange fromParams(Params p, long nowNanos) {
    long since = DEFAULT_SINCE_NANOS;
    String sinceText = p.get("since");
    if (!sinceText.isEmpty()) {
      try {
        since = PromDuration.parse(sinceText).toNanos();
      } catch (IllegalArgumentException e) {
        throw new BadRequestException("could not parse 'since' parameter: " + e.getMessage());
      }
    }
    long end = timestamp(p, "end", nowNanos);
    long endOrNow = Math.min(end, nowNanos);
    long start = timestamp(p, "start", endOrNow - since);
    return new TimeRange(start, end);
  }

  public static long timestamp(Params p, String name, long def) {
    try {
      return LokiTime.parseTimestamp(p.get(name), def);
    } catch (NumberFormatException e) {
      throw new BadRequestException("could not parse '" + name + "' parameter: " + e.getMessage());
    }
  }
}
