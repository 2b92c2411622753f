package io.skald.gocompat;

import java.time.Duration;

/**
 * Go's {@code time.Duration}: {@code time.ParseDuration} ({@code 1h30m}, {@code 1.5s}, {@code
 * -300ms}, {@code 2us}) with its error texts, and {@code Duration.String()} ({@code 24h0m0s},
 * {@code 1.5ms}). Values are int64 nanoseconds as in Go.
 */
public final class GoDuration {
  private static final long NANOS_SIGN = Long.MIN_VALUE; // 1 << 63 as an unsigned value
  private static final long SECOND = 1_000_000_000L;

  private GoDuration() {}

  /**
   * {@code time.ParseDuration}: a sign, then decimal numbers each with a unit (ns, us, µs, ms, s,
   * m, h); {@code "0"} alone needs none.
   *
   * @throws IllegalArgumentException with Go's message, e.g. {@code time: invalid duration "x"}
   */
  public static Duration parse(String s) {
    return Duration.ofNanos(parseNanos(s));
  }

  /** {@link #parse} as int64 nanoseconds. */
  public static long parseNanos(String s) {
    String orig = s;
    boolean neg = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return 0;
    }
    if (s.isEmpty()) {
      throw invalid(orig);
    }
    Scanner sc = new Scanner(s, orig);
    long d = 0; // unsigned
    while (!sc.atEnd()) {
      d += sc.component();
      if (Long.compareUnsigned(d, NANOS_SIGN) > 0) {
        throw invalid(orig);
      }
    }
    if (neg) {
      return -d;
    }
    if (d == NANOS_SIGN) {
      throw invalid(orig);
    }
    return d;
  }

  /** Go's time.ParseDuration loop, one "<number><unit>" component at a time. */
  private static final class Scanner {
    private final String s;
    private final String orig;
    private int i;
    private long fraction;
    private double scale;

    Scanner(String s, String orig) {
      this.s = s;
      this.orig = orig;
    }

    boolean atEnd() {
      return i >= s.length();
    }

    /** One component as unsigned nanoseconds, at most 1 << 63. */
    long component() {
      char c = s.charAt(i);
      if (!(c == '.' || isDigit(c))) {
        throw invalid(orig);
      }
      int start = i;
      long v = leadingInt();
      boolean pre = i != start;
      boolean post = false;
      fraction = 0;
      scale = 1;
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        int fracStart = i;
        leadingFraction();
        post = i != fracStart;
      }
      if (!pre && !post) {
        throw invalid(orig);
      }
      long unit = unit();
      if (Long.compareUnsigned(v, Long.divideUnsigned(NANOS_SIGN, unit)) > 0) {
        throw invalid(orig);
      }
      v *= unit;
      if (fraction != 0) {
        // float64, as in Go, to be nanosecond-accurate for fractions of hours.
        double frac = fraction < 0 ? 0x1p63 : (double) fraction; // at most 1 << 63, unsigned
        v += (long) (frac * ((double) unit / scale));
        if (Long.compareUnsigned(v, NANOS_SIGN) > 0) {
          throw invalid(orig);
        }
      }
      return v;
    }

    /** Go's leadingInt: rejects values above 1 << 63. */
    private long leadingInt() {
      long v = 0; // unsigned
      while (i < s.length() && isDigit(s.charAt(i))) {
        if (Long.compareUnsigned(v, NANOS_SIGN / 10) > 0) {
          throw invalid(orig);
        }
        v = v * 10 + (s.charAt(i) - '0');
        if (Long.compareUnsigned(v, NANOS_SIGN) > 0) {
          throw invalid(orig);
        }
        i++;
      }
      return v;
    }

    /** Go's leadingFraction: digits past int64 precision are consumed and ignored. */
    private void leadingFraction() {
      boolean overflow = false;
      while (i < s.length() && isDigit(s.charAt(i))) {
        if (!overflow) {
          long y = fraction * 10 + (s.charAt(i) - '0');
          if (fraction > Long.MAX_VALUE / 10 || Long.compareUnsigned(y, NANOS_SIGN) > 0) {
            overflow = true;
          } else {
            fraction = y;
            scale *= 10;
          }
        }
        i++;
      }
    }

    private long unit() {
      int unitStart = i;
      while (i < s.length() && s.charAt(i) != '.' && !isDigit(s.charAt(i))) {
        i++;
      }
      if (unitStart == i) {
        throw new IllegalArgumentException(
            "time: missing unit in duration " + GoQuote.timeQuote(orig));
      }
      String u = s.substring(unitStart, i);
      long unit = unitNanos(u);
      if (unit == 0) {
        throw new IllegalArgumentException(
            "time: unknown unit "
                + GoQuote.timeQuote(u)
                + " in duration "
                + GoQuote.timeQuote(orig));
      }
      return unit;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static long unitNanos(String unit) {
    return switch (unit) {
      case "ns" -> 1L;
      case "us", "\u00b5s", "\u03bcs" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> SECOND;
      case "m" -> 60 * SECOND;
      case "h" -> 3600 * SECOND;
      default -> 0L;
    };
  }

  private static IllegalArgumentException invalid(String orig) {
    return new IllegalArgumentException("time: invalid duration " + GoQuote.timeQuote(orig));
  }

  /**
   * {@code Duration.String()}.
   *
   * @throws ArithmeticException if {@code d} does not fit int64 nanoseconds, as no Go duration does
   */
  public static String format(Duration d) {
    return format(d.toNanos());
  }

  /** {@code Duration.String()} of int64 nanoseconds. */
  public static String format(long nanos) {
    if (nanos == 0) {
      return "0s";
    }
    boolean neg = nanos < 0;
    long u = neg ? -nanos : nanos; // unsigned: -MIN_VALUE stays 1 << 63
    StringBuilder b = new StringBuilder(24);
    if (Long.compareUnsigned(u, SECOND) < 0) {
      if (u < 1_000L) {
        b.append(u).append("ns");
      } else if (u < 1_000_000L) {
        appendFraction(b, u, 3).append("\u00b5s");
      } else {
        appendFraction(b, u, 6).append("ms");
      }
    } else {
      long hours = Long.divideUnsigned(u, 3600 * SECOND);
      long rest = Long.remainderUnsigned(u, 3600 * SECOND);
      long minutes = rest / (60 * SECOND);
      long secNanos = rest % (60 * SECOND);
      if (hours > 0) {
        b.append(hours).append('h');
      }
      if (hours > 0 || minutes > 0) {
        b.append(minutes).append('m');
      }
      appendFraction(b, secNanos, 9).append('s');
    }
    return neg ? "-" + b : b.toString();
  }

  /** {@code v / 10^digits} with the fraction's trailing zeros (and a bare point) removed. */
  private static StringBuilder appendFraction(StringBuilder b, long v, int digits) {
    long pow = 1;
    for (int i = 0; i < digits; i++) {
      pow *= 10;
    }
    b.append(v / pow);
    long frac = v % pow;
    if (frac != 0) {
      String f = Long.toString(frac + pow).substring(1); // zero-padded to digits
      int end = f.length();
      while (f.charAt(end - 1) == '0') {
        end--;
      }
      b.append('.').append(f, 0, end);
    }
    return b;
  }
}
