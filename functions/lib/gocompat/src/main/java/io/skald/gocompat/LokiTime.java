package io.skald.gocompat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Time and duration parameters as Loki reads them ({@code loghttp} {@code parseTimestamp} and
 * {@code parseSecondsOrDuration}): a time with a dot is float Unix seconds rounded to milliseconds,
 * an integer of at most 10 digits is Unix seconds and a longer one Unix nanoseconds, anything else
 * must be RFC 3339; a duration is float seconds or a Prometheus duration.
 */
public final class LokiTime {
  /** What Go's {@code strconv.ParseFloat} takes in decimal form; Java's would also take "1d". */
  private static final Pattern FLOAT =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

  private LokiTime() {}

  /**
   * Unix nanoseconds of {@code value}, or {@code def} when it is empty.
   *
   * @throws NumberFormatException with Go's {@code strconv.ParseInt} text, which Loki reports
   */
  public static long parseTimestamp(String value, long def) {
    if (value == null || value.isEmpty()) {
      return def;
    }
    if (value.indexOf('.') >= 0 && FLOAT.matcher(value).matches()) {
      try {
        BigDecimal seconds = new BigDecimal(value);
        BigDecimal whole = new BigDecimal(seconds.toBigInteger());
        BigDecimal millis =
            seconds.subtract(whole).movePointRight(3).setScale(0, RoundingMode.HALF_EVEN);
        return whole.longValueExact() * 1_000_000_000L + millis.longValue() * 1_000_000L;
      } catch (ArithmeticException e) {
        // Loki tries the integer and RFC 3339 forms next, which fail for such a value.
      }
    }
    if (INTEGER.matcher(value).matches()) {
      try {
        long n = Long.parseLong(value);
        return value.length() <= 10 ? n * 1_000_000_000L : n;
      } catch (NumberFormatException e) {
        return rfc3339(value, ": value out of range");
      }
    }
    return rfc3339(value, ": invalid syntax");
  }

  /** The RFC 3339 fallback; when it fails too Loki reports the integer parse error. */
  private static long rfc3339(String value, String parseIntError) {
    try {
      return GoRfc3339.parseNanos(value);
    } catch (GoRfc3339.ParseException notRfc3339) {
      throw new NumberFormatException(
          "strconv.ParseInt: parsing " + GoQuote.quote(value) + parseIntError);
    }
  }

  /**
   * Float seconds or a Prometheus duration.
   *
   * @throws IllegalArgumentException with Loki's text, e.g. {@code cannot parse "x" to a valid
   *     duration}
   */
  public static Duration parseSecondsOrDuration(String value) {
    if (FLOAT.matcher(value).matches()) {
      double nanos = Double.parseDouble(value) * 1e9;
      if (nanos > Long.MAX_VALUE || nanos < Long.MIN_VALUE) {
        throw new IllegalArgumentException(
            "cannot parse " + GoQuote.quote(value) + " to a valid duration. It overflows int64");
      }
      return Duration.ofNanos((long) nanos);
    }
    try {
      return PromDuration.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cannot parse " + GoQuote.quote(value) + " to a valid duration", e);
    }
  }
}
