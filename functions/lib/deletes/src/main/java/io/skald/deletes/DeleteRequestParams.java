package io.skald.deletes;

import io.skald.gocompat.GoDuration;
import io.skald.gocompat.GoRfc3339;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates the parameters of {@code POST /loki/api/v1/delete} in Loki's order and with its exact
 * 400 texts: query, then start, then end, then {@code max_interval} (only for queries with line
 * filters). Times are RFC3339 or exactly ten characters of Unix seconds, kept at millisecond
 * precision as Loki does.
 */
public final class DeleteRequestParams {

  static final String TIME_FORMATS = "require unix seconds or RFC3339 format";

  private static final Pattern RFC3339 =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  /** A validated new request; {@code shardInterval} zero means "one piece". */
  public record NewDelete(
      String query, DeleteQuery parsed, long startMillis, long endMillis, Duration shardInterval) {}

  private DeleteRequestParams() {}

  public static NewDelete parse(Map<String, String> params, Instant now, DeletionConfig config)
      throws DeleteApiException {
    String query = params.getOrDefault("query", "");
    if (query.isEmpty()) {
      throw DeleteApiException.badRequest("query not set");
    }
    DeleteQuery parsed = DeleteQuery.parse(query);
    long nowMillis = now.toEpochMilli();
    String startParam = params.getOrDefault("start", "");
    if (startParam.isEmpty()) {
      throw DeleteApiException.badRequest("start time not set");
    }
    long start;
    long end;
    try {
      start = parseTime(startParam, nowMillis);
    } catch (IllegalArgumentException e) {
      throw DeleteApiException.badRequest("invalid start time: " + TIME_FORMATS);
    }
    try {
      end = parseTime(params.getOrDefault("end", ""), nowMillis);
    } catch (IllegalArgumentException e) {
      throw DeleteApiException.badRequest("invalid end time: " + TIME_FORMATS);
    }
    if (end > nowMillis) {
      throw DeleteApiException.badRequest("deletes in the future are not allowed");
    }
    if (start >= end) {
      throw DeleteApiException.badRequest("start time can't be greater than or equal to end time");
    }
    Duration interval =
        parsed.hasFilter()
            ? interval(
                params.getOrDefault("max_interval", ""), start, end, config.deleteMaxInterval())
            : Duration.ZERO;
    return new NewDelete(query, parsed, start, end, interval);
  }

  private static Duration interval(String param, long start, long end, Duration max)
      throws DeleteApiException {
    if (param.isEmpty()) {
      return max;
    }
    Duration interval;
    try {
      interval = GoDuration.parse(param);
    } catch (IllegalArgumentException e) {
      interval = Duration.ZERO;
    }
    if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw DeleteApiException.badRequest(
          "invalid max_interval: valid time units are 's', 'm', 'h'");
    }
    if (!max.isZero() && interval.compareTo(max) > 0) {
      throw DeleteApiException.badRequest(
          "max_interval can't be greater than " + GoDuration.format(max));
    }
    Duration range = Duration.ofMillis(end - start);
    if (interval.compareTo(range) > 0) {
      throw DeleteApiException.badRequest(
          "max_interval can't be greater than the interval to be deleted ("
              + GoDuration.format(range)
              + ")");
    }
    return interval;
  }

  /**
   * Unix milliseconds of an RFC3339 time or of exactly ten characters of Unix seconds (a fraction
   * is rounded to milliseconds); the empty string means now.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static long parseTime(String in, long nowMillis) {
    if (in.isEmpty()) {
      return nowMillis;
    }
    if (RFC3339.matcher(in).matches()) {
      try {
        return Math.floorDiv(GoRfc3339.parseNanos(in), 1_000_000L);
      } catch (GoRfc3339.ParseException e) {
        throw new IllegalArgumentException("invalid time " + in, e);
      }
    }
    if (in.length() == 10 && DECIMAL.matcher(in).matches()) {
      return new BigDecimal(in)
          .setScale(3, RoundingMode.HALF_UP)
          .movePointRight(3)
          .longValueExact();
    }
    throw new IllegalArgumentException("invalid time " + in);
  }
}
