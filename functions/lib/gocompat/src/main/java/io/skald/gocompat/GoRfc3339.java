package io.skald.gocompat;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Go's {@code time.Parse(time.RFC3339, s)} (what {@code time.Time.UnmarshalJSON} falls back to),
 * including its leniencies (one-digit hour, fractional seconds of any length, a comma before the
 * fraction) and its error texts. Loki reads push timestamps ({@code ts} of the legacy JSON dialect)
 * and RFC 3339 query parameters with it.
 */
public final class GoRfc3339 {
  public static final String LAYOUT = "2006-01-02T15:04:05Z07:00";

  /** A parse failure; the message is Go's {@code *time.ParseError} text. */
  public static final class ParseException extends Exception {
    private static final long serialVersionUID = 1L;

    ParseException(String message) {
      super(message, null, false, false);
    }
  }

  private final String input;
  private String rest;

  private GoRfc3339(String input) {
    this.input = input;
    this.rest = input;
  }

  /** Unix nanoseconds (saturated to the {@code long} range). */
  public static long parseNanos(String s) throws ParseException {
    return new GoRfc3339(s).parse();
  }

  private long parse() throws ParseException {
    if (rest.length() < 4 || !digit(0)) {
      throw cannotParse("2006");
    }
    int year = fixedDigits(4, "2006");
    literal("-");
    int month = number(true, "01");
    if (month < 1 || month > 12) {
      throw outOfRange("month");
    }
    literal("-");
    int day = number(true, "02");
    literal("T");
    int hour = number(false, "15");
    if (hour >= 24) {
      throw outOfRange("hour");
    }
    literal(":");
    int minute = number(true, "04");
    if (minute >= 60) {
      throw outOfRange("minute");
    }
    literal(":");
    int second = number(true, "05");
    if (second >= 60) {
      throw outOfRange("second");
    }
    long nanos = 0;
    if (rest.length() >= 2 && (rest.charAt(0) == '.' || rest.charAt(0) == ',') && digit(1)) {
      int n = 2;
      while (n < rest.length() && digit(n)) {
        n++;
      }
      String frac = rest.substring(1, Math.min(n, 10));
      nanos = Long.parseLong(frac);
      for (int i = frac.length(); i < 9; i++) {
        nanos *= 10;
      }
      rest = rest.substring(n);
    }
    int offsetSeconds = zone();
    if (!rest.isEmpty()) {
      throw new ParseException("parsing time " + quote(input) + ": extra text: " + quote(rest));
    }
    if (day < 1 || day > LocalDate.of(year, month, 1).lengthOfMonth()) {
      throw outOfRange("day");
    }
    long epochSecond =
        LocalDate.of(year, month, day).atTime(hour, minute, second).toEpochSecond(ZoneOffset.UTC)
            - offsetSeconds;
    return GoTime.saturatedNanos(epochSecond, nanos);
  }

  private int zone() throws ParseException {
    if (!rest.isEmpty() && rest.charAt(0) == 'Z') {
      rest = rest.substring(1);
      return 0;
    }
    String hold = rest;
    if (rest.length() < 6 || rest.charAt(3) != ':') {
      throw cannotParse("Z07:00");
    }
    String sign = rest.substring(0, 1);
    int hr = twoDigits(rest.substring(1, 3));
    int mm = twoDigits(rest.substring(4, 6));
    if (hr < 0 || mm < 0 || !(sign.equals("+") || sign.equals("-"))) {
      throw new ParseException(cannotParseText(hold, "Z07:00"));
    }
    rest = rest.substring(6);
    if (hr > 24) {
      throw outOfRange("time zone offset hour");
    }
    if (mm > 60) {
      throw outOfRange("time zone offset minute");
    }
    int offset = (hr * 60 + mm) * 60;
    return sign.equals("-") ? -offset : offset;
  }

  private int fixedDigits(int n, String elem) throws ParseException {
    for (int i = 0; i < n; i++) {
      if (!digit(i)) {
        throw cannotParse(elem);
      }
    }
    int v = Integer.parseInt(rest.substring(0, n));
    rest = rest.substring(n);
    return v;
  }

  /** Go's {@code getnum}: one or two digits, two required when {@code fixed}. */
  private int number(boolean fixed, String elem) throws ParseException {
    if (!digit(0)) {
      throw cannotParse(elem);
    }
    if (!digit(1)) {
      if (fixed) {
        throw cannotParse(elem);
      }
      int v = rest.charAt(0) - '0';
      rest = rest.substring(1);
      return v;
    }
    int v = (rest.charAt(0) - '0') * 10 + (rest.charAt(1) - '0');
    rest = rest.substring(2);
    return v;
  }

  private void literal(String lit) throws ParseException {
    if (!rest.startsWith(lit)) {
      throw cannotParse(lit);
    }
    rest = rest.substring(lit.length());
  }

  private boolean digit(int i) {
    return i < rest.length() && rest.charAt(i) >= '0' && rest.charAt(i) <= '9';
  }

  private static int twoDigits(String s) {
    return Character.isDigit(s.charAt(0))
            && s.charAt(0) < 128
            && s.charAt(1) >= '0'
            && s.charAt(1) <= '9'
        ? (s.charAt(0) - '0') * 10 + (s.charAt(1) - '0')
        : -1;
  }

  private ParseException cannotParse(String elem) {
    return new ParseException(cannotParseText(rest, elem));
  }

  private String cannotParseText(String value, String elem) {
    return "parsing time "
        + quote(input)
        + " as "
        + quote(LAYOUT)
        + ": cannot parse "
        + quote(value)
        + " as "
        + quote(elem);
  }

  private ParseException outOfRange(String what) {
    return new ParseException("parsing time " + quote(input) + ": " + what + " out of range");
  }

  private static String quote(String s) {
    return GoQuote.timeQuote(s);
  }
}
