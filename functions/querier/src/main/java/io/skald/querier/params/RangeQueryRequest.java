package io.skald.querier.params;

import io.skald.gocompat.LokiTime;
import java.time.Duration;

/**
 * A validated {@code query_range} request, checked in Loki's order and with its texts ({@code
 * ParseRangeQuery}): bounds, limit, direction, step, interval, resolution.
 */
public record RangeQueryRequest(
    String query,
    TimeRange range,
    int limit,
    Direction direction,
    Duration step,
    Duration interval,
    boolean stepGiven) {

  public static final int DEFAULT_LIMIT = 100;
  static final long MAX_POINTS = 11_000;

  public static RangeQueryRequest parse(Params p, long nowNanos) {
    TimeRange range = TimeRange.fromParams(p, nowNanos);
    if (range.endNanos() < range.startNanos()) {
      throw new BadRequestException("end timestamp must not be before or equal to start time");
    }
    int limit = limit(p);
    Direction direction = Direction.parse(p.get("direction"));
    String stepText = p.get("step");
    Duration step =
        stepText.isEmpty()
            ? Duration.ofSeconds(defaultStepSeconds(range))
            : secondsOrDuration(stepText);
    if (step.isNegative() || step.isZero()) {
      throw new BadRequestException(
          "zero or negative query resolution step widths are not accepted. Try a positive integer");
    }
    if ((range.endNanos() - range.startNanos()) / step.toNanos() > MAX_POINTS) {
      throw new BadRequestException(
          "exceeded maximum resolution of 11,000 points per time series. Try increasing the value of the step parameter");
    }
    String intervalText = p.get("interval");
    Duration interval = intervalText.isEmpty() ? Duration.ZERO : secondsOrDuration(intervalText);
    if (interval.isNegative()) {
      throw new BadRequestException("interval must be >= 0");
    }
    return new RangeQueryRequest(
        p.get("query"), range, limit, direction, step, interval, !stepText.isEmpty());
  }

  /** A {@code step} or {@code interval}: float seconds or a Prometheus duration. */
  public static Duration secondsOrDuration(String text) {
    try {
      return LokiTime.parseSecondsOrDuration(text);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  static int limit(Params p) {
    String text = p.get("limit");
    if (text.isEmpty()) {
      return DEFAULT_LIMIT;
    }
    long l;
    try {
      l = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new BadRequestException("strconv.Atoi: parsing \"" + text + "\": invalid syntax");
    }
    if (l <= 0) {
      throw new BadRequestException("limit must be a positive value");
    }
    if (l > 0xFFFF_FFFFL) {
      throw new BadRequestException("limit value " + l + " is out of range [0, 4294967295]");
    }
    return (int) Math.min(l, Integer.MAX_VALUE);
  }

  /** {@code max(1, floor((end-start)/250 s))}. */
  static long defaultStepSeconds(TimeRange r) {
    return Math.max(1, (long) Math.floor((r.endNanos() - r.startNanos()) / 1e9 / 250));
  }
}
