package io.skald.querier.params;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time and duration parameters as Loki reads them (contract §3.0): a value with a dot is float
 * seconds rounded to milliseconds; an integer of at most 10 digits is seconds, a longer one
 * nanoseconds; anything else must be RFC3339. Durations are float seconds or Prometheus durations.
 */
public final class LokiTime {

  private static final Pattern PROM_DURATION =
      Pattern.compile("(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");
  private static final Pattern FLOAT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final long[] UNIT_NANOS = {
      365L * 86_400_000_000_000L, 7L * 86_400_000_000_000L, 86_400_000_000_000L,
      3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L};

  private LokiTime() {}

  /** Unix nanoseconds of {@code value}, or {@code def} when it is empty. */
  public static long parseTimestamp(String value, long def) throws NumberFormatException {
    if (value == null || value.isEmpty()) {
      return def;
    }
    if (value.indexOf('.') >= 0) {
      try {
        BigDecimal seconds = new BigDecimal(value.trim());
        BigDecimal whole = new BigDecimal(seconds.toBigInteger());
        BigDecimal millis = seconds.subtract(whole).movePointRight(3).setScale(0, RoundingMode.HALF_EVEN);
        return whole.longValueExact() * 1_000_000_000L + millis.longValue() * 1_000_000L;
      } catch (NumberFormatException | ArithmeticException e) {
        // fall through: Loki tries the integer and RFC3339 forms next
      }
    }
    try {
      long n = Long.parseLong(value);
      return value.length() <= 10 ? n * 1_000_000_000L : n;
    } catch (NumberFormatException e) {
      try {
        OffsetDateTime t = OffsetDateTime.parse(value);
        return t.toEpochSecond() * 1_000_000_000L + t.getNano();
      } catch (DateTimeParseException ignored) {
        throw new NumberFormatException("strconv.ParseInt: parsing \"" + value + "\": invalid syntax");
      }
    }
  }

  /** Float seconds or a Prometheus duration; throws with Loki's message otherwise. */
  public static Duration parseSecondsOrDuration(String value) {
    // Java's parseDouble would also take "1d" (a double literal suffix), which is a duration here.
    if (FLOAT.matcher(value).matches()) {
      double nanos = Double.parseDouble(value) * 1e9;
      if (nanos > Long.MAX_VALUE || nanos < Long.MIN_VALUE) {
        throw new BadRequestException("cannot parse \"" + value + "\" to a valid duration. It overflows int64");
      }
      return Duration.ofNanos((long) nanos);
    }
    Duration d = parsePrometheusDuration(value);
    if (d == null) {
      throw new BadRequestException("cannot parse \"" + value + "\" to a valid duration");
    }
    return d;
  }

  /** {@code [0-9]+(ms|s|m|h|d|w|y)} combined in descending unit order, e.g. 1h30m; null if invalid. */
  public static Duration parsePrometheusDuration(String value) {
    if (value == null || value.isEmpty() || value.equals("0")) {
      return value != null && value.equals("0") ? Duration.ZERO : null;
    }
    Matcher m = PROM_DURATION.matcher(value);
    if (!m.matches()) {
      return null;
    }
    long total = 0;
    for (int i = 0; i < UNIT_NANOS.length; i++) {
      String g = m.group(i + 1);
      if (g != null) {
        total = Math.addExact(total, Math.multiplyExact(Long.parseLong(g), UNIT_NANOS[i]));
      }
    }
    return Duration.ofNanos(total);
  }
}
