package io.skald.deletes;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Go's duration syntax ({@code time.ParseDuration}: {@code 1h30m}, {@code 1.5s}, {@code 300ms})
 * and its {@code Duration.String()} output ({@code 24h0m0s}), which Loki echoes in messages.
 */
public final class GoDuration {

  private GoDuration() {}

  /** @throws IllegalArgumentException if {@code s} is not a Go duration */
  public static Duration parse(String s) {
    String in = s;
    boolean negative = false;
    if (!in.isEmpty() && (in.charAt(0) == '-' || in.charAt(0) == '+')) {
      negative = in.charAt(0) == '-';
      in = in.substring(1);
    }
    if (in.equals("0")) {
      return Duration.ZERO;
    }
    if (in.isEmpty()) {
      throw new IllegalArgumentException("invalid duration " + s);
    }
    BigDecimal nanos = BigDecimal.ZERO;
    int i = 0;
    while (i < in.length()) {
      int start = i;
      while (i < in.length() && (Character.isDigit(in.charAt(i)) || in.charAt(i) == '.')) {
        i++;
      }
      String number = in.substring(start, i);
      int unitStart = i;
      while (i < in.length() && !Character.isDigit(in.charAt(i)) && in.charAt(i) != '.') {
        i++;
      }
      long unit = unitNanos(in.substring(unitStart, i));
      if (unit == 0 || number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
        throw new IllegalArgumentException("invalid duration " + s);
      }
      nanos = nanos.add(new BigDecimal(number.startsWith(".") ? "0" + number : number)
          .multiply(BigDecimal.valueOf(unit)));
    }
    if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException("invalid duration " + s);
    }
    long n = nanos.longValue(); // Go truncates fractional nanoseconds
    return Duration.ofNanos(negative ? -n : n);
  }

  private static long unitNanos(String unit) {
    return switch (unit) {
      case "ns" -> 1L;
      case "us", "\u00b5s", "\u03bcs" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      case "m" -> 60_000_000_000L;
      case "h" -> 3_600_000_000_000L;
      default -> 0L;
    };
  }

  /** Formats like Go's {@code time.Duration.String()}. */
  public static String format(Duration d) {
    long n = d.toNanos();
    if (n == 0) {
      return "0s";
    }
    String sign = n < 0 ? "-" : "";
    long u = Math.abs(n);
    if (u < 1_000_000_000L) {
      if (u < 1_000L) {
        return sign + u + "ns";
      }
      if (u < 1_000_000L) {
        return sign + fraction(u, 3) + "\u00b5s";
      }
      return sign + fraction(u, 6) + "ms";
    }
    String seconds = fraction(u % 60_000_000_000L, 9) + "s";
    long minutes = (u / 60_000_000_000L) % 60;
    long hours = u / 3_600_000_000_000L;
    if (hours > 0) {
      return sign + hours + "h" + minutes + "m" + seconds;
    }
    if (minutes > 0) {
      return sign + minutes + "m" + seconds;
    }
    return sign + seconds;
  }

  /** {@code v / 10^digits} with the fraction's trailing zeros (and a bare point) removed. */
  private static String fraction(long v, int digits) {
    return BigDecimal.valueOf(v).movePointLeft(digits).stripTrailingZeros().toPlainString();
  }
}
