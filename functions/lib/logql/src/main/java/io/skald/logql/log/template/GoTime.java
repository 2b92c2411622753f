package io.skald.logql.log.template;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Go's {@code time.Time} as template functions see it: an instant plus the zone it is displayed in.
 * "Local" is UTC, as for Loki in a container. {@code name} is the zone abbreviation Go prints for
 * {@code MST} ("" for a fixed offset without a name).
 */
record GoTime(Instant instant, ZoneId zone, String name) {
  static final ZoneId LOCAL = ZoneOffset.UTC;

  /** Go's zero time, January 1, year 1, 00:00:00 UTC. */
  static final GoTime ZERO =
      new GoTime(Instant.parse("0001-01-01T00:00:00Z"), ZoneOffset.UTC, "UTC");

  static GoTime of(Instant instant, ZoneId zone) {
    return new GoTime(instant, zone, abbreviation(instant, zone));
  }

  static GoTime unixNanos(long nanos) {
    return of(
        Instant.ofEpochSecond(
            Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)),
        LOCAL);
  }

  static GoTime now() {
    return of(Instant.now(), LOCAL);
  }

  static String abbreviation(Instant instant, ZoneId zone) {
    if (zone instanceof ZoneOffset off) {
      return off.getTotalSeconds() == 0 ? "UTC" : "";
    }
    if (zone.getId().equals("UTC") || zone.getId().equals("Etc/UTC")) {
      return "UTC";
    }
    String s =
        DateTimeFormatter.ofPattern("zzz", Locale.ROOT)
            .format(ZonedDateTime.ofInstant(instant, zone));
    // Java falls back to "GMT+02:00" where Go's tz database has a numeric abbreviation.
    if (s.startsWith("GMT") && s.length() > 3) {
      int secs = zone.getRules().getOffset(instant).getTotalSeconds();
      return (secs < 0 ? "-" : "+")
          + String.format("%02d", Math.abs(secs) / 3600)
          + (Math.abs(secs) % 3600 == 0 ? "" : String.format("%02d", Math.abs(secs) % 3600 / 60));
    }
    return s;
  }

  ZonedDateTime local() {
    return ZonedDateTime.ofInstant(instant, zone);
  }

  int offsetSeconds() {
    return zone.getRules().getOffset(instant).getTotalSeconds();
  }

  GoTime in(ZoneId z) {
    return of(instant, z);
  }

  long unix() {
    return instant.getEpochSecond();
  }

  long unixMilli() {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1000L), instant.getNano() / 1_000_000);
  }

  /** Like Go, the result is undefined (wraps) outside ±292 years. */
  long unixNano() {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  String format(String layout) {
    return GoTimeLayout.format(this, layout);
  }

  /** Go's {@code Time.String}: {@code 2006-01-02 15:04:05.999999999 -0700 MST}. */
  @Override
  public String toString() {
    return format("2006-01-02 15:04:05.999999999 -0700 MST");
  }

  static String monthName(int m, boolean full) {
    String s = java.time.Month.of(m).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    return full ? s : s.substring(0, 3);
  }
}
