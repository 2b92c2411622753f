package io.skald.logql.log.template;

import io.skald.gocompat.GoDuration;
import io.skald.gocompat.GoQuote;
import java.util.Locale;
import java.util.Map;

/**
 * Label value conversions with Go's syntax and error texts, since the texts end up in {@code
 * __error_details__}: {@code strconv.ParseFloat}, {@code time.ParseDuration} and go-humanize's
 * {@code ParseBytes} (which label filters and unwrap use in Loki).
 */
public final class GoConversions {
  private static final Map<String, Double> BYTE_UNITS =
      Map.ofEntries(
          Map.entry("", 1d),
          Map.entry("b", 1d),
          Map.entry("k", 1e3),
          Map.entry("kb", 1e3),
          Map.entry("ki", 0x1p10),
          Map.entry("kib", 0x1p10),
          Map.entry("m", 1e6),
          Map.entry("mb", 1e6),
          Map.entry("mi", 0x1p20),
          Map.entry("mib", 0x1p20),
          Map.entry("g", 1e9),
          Map.entry("gb", 1e9),
          Map.entry("gi", 0x1p30),
          Map.entry("gib", 0x1p30),
          Map.entry("t", 1e12),
          Map.entry("tb", 1e12),
          Map.entry("ti", 0x1p40),
          Map.entry("tib", 0x1p40),
          Map.entry("p", 1e15),
          Map.entry("pb", 1e15),
          Map.entry("pi", 0x1p50),
          Map.entry("pib", 0x1p50),
          Map.entry("e", 1e18),
          Map.entry("eb", 1e18),
          Map.entry("ei", 0x1p60),
          Map.entry("eib", 0x1p60));

  private GoConversions() {}

  /** {@code strconv.ParseFloat(s, 64)} for decimal, inf and nan forms. */
  public static double parseFloat(String s) {
    if (!isGoFloat(s)) {
      throw new IllegalArgumentException(
          "strconv.ParseFloat: parsing " + GoQuote.quote(s) + ": invalid syntax");
    }
    String t = s.toLowerCase(Locale.ROOT);
    int sign = t.startsWith("-") ? -1 : 1;
    String body = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
    if (body.equals("inf") || body.equals("infinity")) {
      return sign * Double.POSITIVE_INFINITY;
    }
    if (body.equals("nan")) {
      return Double.NaN;
    }
    double v = Double.parseDouble(s);
    if (Double.isInfinite(v)) {
      throw new IllegalArgumentException(
          "strconv.ParseFloat: parsing " + GoQuote.quote(s) + ": value out of range");
    }
    return v;
  }

  /** Go's decimal float syntax (Java's parser is laxer: it takes "1d", " 1", "0x1p3"). */
  private static boolean isGoFloat(String s) {
    int i = 0;
    int n = s.length();
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    String rest = s.substring(i).toLowerCase(Locale.ROOT);
    if (rest.equals("inf") || rest.equals("infinity") || rest.equals("nan")) {
      return true;
    }
    int digits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int exp = 0;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        exp++;
      }
      if (exp == 0) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** {@code time.ParseDuration} in seconds. */
  public static double parseDurationSeconds(String s) {
    return parseDurationNanos(s) / 1e9;
  }

  public static long parseDurationNanos(String s) {
    return GoDuration.parseNanos(s);
  }

  /** go-humanize {@code ParseBytes}: "42 MB", "1.5KiB", "1,024 kb". */
  public static double parseBytes(String s) {
    int last = 0;
    boolean comma = false;
    while (last < s.length()) {
      char c = s.charAt(last);
      if (!(isDigit(c) || c == '.' || c == ',')) {
        break;
      }
      comma |= c == ',';
      last++;
    }
    String num = comma ? s.substring(0, last).replace(",", "") : s.substring(0, last);
    if (num.isEmpty()) {
      throw new IllegalArgumentException("strconv.ParseFloat: parsing \"\": invalid syntax");
    }
    double v;
    try {
      v = Double.parseDouble(num);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "strconv.ParseFloat: parsing " + GoQuote.quote(num) + ": invalid syntax");
    }
    String unit = s.substring(last).strip().toLowerCase(Locale.ROOT);
    Double mult = BYTE_UNITS.get(unit);
    if (mult == null) {
      throw new IllegalArgumentException("unhandled size name: " + unit);
    }
    double bytes = v * mult;
    if (bytes >= 0x1p64) {
      throw new IllegalArgumentException("too large: " + s);
    }
    return Math.floor(bytes);
  }
}
