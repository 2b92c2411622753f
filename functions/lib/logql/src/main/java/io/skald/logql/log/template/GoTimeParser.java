package io.skald.logql.log.template;

import io.skald.gocompat.GoQuote;
import io.skald.logql.log.template.GoTimeLayout.Chunk;
import io.skald.logql.log.template.GoTimeLayout.Std;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * One {@code time.ParseInLocation} of a value against a tokenised layout: numbers with Go's widths,
 * month and weekday names, 12-hour clock, fractions (also after seconds when the layout has none),
 * numeric zones and abbreviations. Errors read like Go's ({@code parsing time "x" as "2006-01-02":
 * cannot parse "x" as "2006"}).
 */
final class GoTimeParser {
  private final List<Chunk> chunks;
  private final String layout;
  private final String value;
  private int p;
  private int year = 1;
  private int month = 1;
  private int day = 1;
  private int yday = -1;
  private int hour;
  private int minute;
  private int second;
  private int nanos;
  private boolean pm;
  private boolean pmSet;
  private Integer zoneOffset;
  private String zoneName;

  GoTimeParser(List<Chunk> chunks, String layout, String value) {
    this.chunks = chunks;
    this.layout = layout;
    this.value = value;
  }

  GoTime parse(ZoneId loc) {
    for (int c = 0; c < chunks.size(); c++) {
      Chunk ch = chunks.get(c);
      literal(ch.literal());
      if (ch.std() != null) {
        std(ch, c + 1 < chunks.size() ? chunks.get(c + 1) : null);
      }
    }
    if (p != value.length()) {
      throw fail(": extra text: " + quote(value.substring(p)));
    }
    if (pmSet && pm && hour < 12) {
      hour += 12;
    } else if (pmSet && !pm && hour == 12) {
      hour = 0;
    }
    LocalDateTime ldt;
    try {
      ldt =
          yday > 0 && month == 1 && day == 1
              ? LocalDateTime.of(year, 1, 1, hour, minute, second, nanos).withDayOfYear(yday)
              : LocalDateTime.of(year, month, day, hour, minute, second, nanos);
    } catch (java.time.DateTimeException e) {
      throw fail(": day out of range");
    }
    if (zoneOffset != null) {
      ZoneOffset off = ZoneOffset.ofTotalSeconds(zoneOffset);
      Instant at = ldt.toInstant(off);
      // Go reuses the location when its offset agrees; otherwise a nameless fixed zone.
      if (loc.getRules().getOffset(at).getTotalSeconds() == zoneOffset) {
        return GoTime.of(at, loc);
      }
      return new GoTime(at, off, "");
    }
    if (zoneName != null) {
      if (zoneName.equals("UTC") || zoneName.equals("GMT")) {
        return new GoTime(ldt.toInstant(ZoneOffset.UTC), ZoneOffset.UTC, zoneName);
      }
      Instant at = ldt.atZone(loc).toInstant();
      if (GoTime.abbreviation(at, loc).equals(zoneName)) {
        return GoTime.of(at, loc);
      }
      return new GoTime(ldt.toInstant(ZoneOffset.UTC), ZoneOffset.UTC, zoneName);
    }
    return GoTime.of(ldt.atZone(loc).toInstant(), loc);
  }

  private void literal(String lit) {
    for (int i = 0; i < lit.length(); i++) {
      char c = lit.charAt(i);
      if (c == ' ' && p < value.length() && value.charAt(p) == ' ') {
        while (i + 1 < lit.length() && lit.charAt(i + 1) == ' ') {
          i++;
        }
        while (p < value.length() && value.charAt(p) == ' ') {
          p++;
        }
        continue;
      }
      if (p >= value.length() || value.charAt(p) != c) {
        throw fail(
            ": cannot parse "
                + quote(value.substring(Math.min(p, value.length())))
                + " as "
                + quote(lit.substring(i)));
      }
      p++;
    }
  }

  private void std(Chunk ch, Chunk next) {
    int start = p;
    switch (ch.std()) {
      case LONG_YEAR -> year = fixed(4);
      case YEAR -> {
        int y = fixed(2);
        year = y >= 69 ? 1900 + y : 2000 + y;
      }
      case MONTH, LONG_MONTH -> month = lookup(ch.std() == Std.LONG_MONTH, true);
      case WEEKDAY, LONG_WEEKDAY -> lookup(ch.std() == Std.LONG_WEEKDAY, false);
      case NUM_MONTH, ZERO_MONTH -> month = range(num(ch.std() == Std.ZERO_MONTH), 1, 12, "month");
      case DAY, UNDER_DAY, ZERO_DAY -> {
        if (ch.std() == Std.UNDER_DAY && p < value.length() && value.charAt(p) == ' ') {
          p++;
        }
        day = range(num(ch.std() == Std.ZERO_DAY), 1, 31, "day");
      }
      case UNDER_YEAR_DAY, ZERO_YEAR_DAY -> {
        while (ch.std() == Std.UNDER_YEAR_DAY && p < value.length() && value.charAt(p) == ' ') {
          p++;
        }
        yday = range(fixed(3), 1, 366, "day-of-year");
      }
      case HOUR -> hour = range(num(false), 0, 23, "hour");
      case HOUR12, ZERO_HOUR12 -> hour = range(num(ch.std() == Std.ZERO_HOUR12), 1, 12, "hour");
      case MINUTE, ZERO_MINUTE -> minute = range(num(ch.std() == Std.ZERO_MINUTE), 0, 59, "minute");
      case SECOND, ZERO_SECOND -> {
        second = range(num(ch.std() == Std.ZERO_SECOND), 0, 59, "second");
        // A fraction may follow the seconds even when the layout has none.
        boolean layoutHasFraction =
            next != null
                && next.literal().isEmpty()
                && (next.std() == Std.FRAC0 || next.std() == Std.FRAC9);
        if (!layoutHasFraction
            && p + 1 < value.length()
            && (value.charAt(p) == '.' || value.charAt(p) == ',')
            && Character.isDigit(value.charAt(p + 1))) {
          p++;
          nanos = fraction(Integer.MAX_VALUE);
        }
      }
      case PM_UPPER, PM_LOWER -> {
        String s = value.substring(p, Math.min(p + 2, value.length()));
        String up = s.toUpperCase(Locale.ROOT);
        if (!up.equals("AM") && !up.equals("PM")
            || !s.equals(ch.std() == Std.PM_UPPER ? up : s.toLowerCase(Locale.ROOT))) {
          throw fail(": cannot parse " + quote(value.substring(p)) + " as \"PM\"");
        }
        pm = up.equals("PM");
        pmSet = true;
        p += 2;
      }
      case TZ -> {
        int e = p;
        while (e < value.length() && Character.isUpperCase(value.charAt(e))) {
          e++;
        }
        if (e - p < 3) {
          throw fail(": cannot parse " + quote(value.substring(p)) + " as \"MST\"");
        }
        zoneName = value.substring(p, e);
        p = e;
      }
      case FRAC0, FRAC9 -> {
        if (p < value.length() && (value.charAt(p) == '.' || value.charAt(p) == ',')) {
          p++;
          nanos = fraction(ch.std() == Std.FRAC0 ? ch.digits() : Integer.MAX_VALUE);
        } else if (ch.std() == Std.FRAC0) {
          throw fail(
              ": cannot parse " + quote(value.substring(p)) + " as \"" + ch.separator() + "\"");
        }
      }
      default -> zone(ch.std().name());
    }
    if (p == start && ch.std() != Std.FRAC9) {
      throw fail(": cannot parse " + quote(value.substring(p)) + " as " + quote(ch.std().name()));
    }
  }

  private void zone(String std) {
    if (std.startsWith("ISO") && p < value.length() && value.charAt(p) == 'Z') {
      p++;
      zoneOffset = 0;
      return;
    }
    if (p >= value.length() || (value.charAt(p) != '+' && value.charAt(p) != '-')) {
      throw fail(": cannot parse " + quote(value.substring(p)) + " as \"-07:00\"");
    }
    int sign = value.charAt(p++) == '-' ? -1 : 1;
    boolean colon = std.contains("COLON");
    int h = fixed(2);
    int m = 0;
    int s = 0;
    if (!std.contains("SHORT")) {
      if (colon) {
        literal(":");
      }
      m = fixed(2);
    }
    if (std.contains("SECONDS")) {
      if (colon) {
        literal(":");
      }
      s = fixed(2);
    }
    zoneOffset = sign * (h * 3600 + m * 60 + s);
  }

  private int fraction(int maxDigits) {
    int start = p;
    while (p < value.length() && Character.isDigit(value.charAt(p)) && p - start < maxDigits) {
      p++;
    }
    String digits = value.substring(start, p);
    if (digits.isEmpty() || (maxDigits != Integer.MAX_VALUE && digits.length() != maxDigits)) {
      throw fail(": cannot parse " + quote(value.substring(start)) + " as fraction");
    }
    String nine = (digits + "000000000").substring(0, 9);
    return Integer.parseInt(nine);
  }

  private int lookup(boolean full, boolean months) {
    for (int i = 1; i <= (months ? 12 : 7); i++) {
      String name =
          months
              ? GoTime.monthName(i, full)
              : DayOfWeek.of(i)
                  .getDisplayName(full ? TextStyle.FULL : TextStyle.SHORT, Locale.ENGLISH);
      if (value.regionMatches(true, p, name, 0, name.length())) {
        p += name.length();
        return i;
      }
    }
    throw fail(
        ": cannot parse " + quote(value.substring(p)) + " as " + (months ? "month" : "weekday"));
  }

  private int fixed(int n) {
    if (p + n > value.length()) {
      throw fail(": cannot parse " + quote(value.substring(p)) + " as number");
    }
    for (int i = p; i < p + n; i++) {
      if (!Character.isDigit(value.charAt(i))) {
        throw fail(": cannot parse " + quote(value.substring(p)) + " as number");
      }
    }
    int v = Integer.parseInt(value.substring(p, p + n));
    p += n;
    return v;
  }

  /** One or two digits; exactly two when {@code zeroPadded}. */
  private int num(boolean zeroPadded) {
    if (zeroPadded) {
      return fixed(2);
    }
    if (p >= value.length() || !Character.isDigit(value.charAt(p))) {
      throw fail(
          ": cannot parse " + quote(value.substring(Math.min(p, value.length()))) + " as number");
    }
    int n = p + 1 < value.length() && Character.isDigit(value.charAt(p + 1)) ? 2 : 1;
    return fixed(n);
  }

  private int range(int v, int lo, int hi, String what) {
    if (v < lo || v > hi) {
      throw fail(": " + what + " out of range");
    }
    return v;
  }

  private IllegalArgumentException fail(String detail) {
    return new IllegalArgumentException(
        "parsing time " + quote(value) + " as " + quote(layout) + detail);
  }

  private static String quote(String s) {
    return GoQuote.timeQuote(s);
  }
}
