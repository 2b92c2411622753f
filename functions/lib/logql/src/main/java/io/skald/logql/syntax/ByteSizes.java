package io.skald.logql.syntax;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * Byte sizes in label filters ({@code 42MB}, {@code 1.5KiB}), with the unit set Loki's lexer
 * accepts: B, kB/KB, MB, GB, TB, PB and KiB..PiB (and the short K, Ki, M, Mi, ... forms that
 * go-humanize allows).
 */
public final class ByteSizes {
  private static final Map<String, Long> UNITS =
      Map.ofEntries(
          Map.entry("b", 1L),
          Map.entry("", 1L),
          Map.entry("k", 1_000L),
          Map.entry("kb", 1_000L),
          Map.entry("ki", 1L << 10),
          Map.entry("kib", 1L << 10),
          Map.entry("m", 1_000_000L),
          Map.entry("mb", 1_000_000L),
          Map.entry("mi", 1L << 20),
          Map.entry("mib", 1L << 20),
          Map.entry("g", 1_000_000_000L),
          Map.entry("gb", 1_000_000_000L),
          Map.entry("gi", 1L << 30),
          Map.entry("gib", 1L << 30),
          Map.entry("t", 1_000_000_000_000L),
          Map.entry("tb", 1_000_000_000_000L),
          Map.entry("ti", 1L << 40),
          Map.entry("tib", 1L << 40),
          Map.entry("p", 1_000_000_000_000_000L),
          Map.entry("pb", 1_000_000_000_000_000L),
          Map.entry("pi", 1L << 50),
          Map.entry("pib", 1L << 50));
  private static final String ALLOWED_UNIT_CHARS = "BikKMGTP";
  private static final long[] FORMAT_MULT = {
    1L << 50,
    1_000_000_000_000_000L,
    1L << 40,
    1_000_000_000_000L,
    1L << 30,
    1_000_000_000L,
    1L << 20,
    1_000_000L,
    1L << 10,
    1_000L
  };
  private static final String[] FORMAT_UNIT = {
    "PiB", "PB", "TiB", "TB", "GiB", "GB", "MiB", "MB", "KiB", "kB"
  };

  private ByteSizes() {}

  /**
   * Parses a byte size literal.
   *
   * @throws IllegalArgumentException if it is not one
   */
  public static long parse(String s) {
    int i = 0;
    while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
      i++;
    }
    String num = s.substring(0, i);
    String unit = s.substring(i);
    for (int k = 0; k < unit.length(); k++) {
      if (ALLOWED_UNIT_CHARS.indexOf(unit.charAt(k)) < 0) {
        throw new IllegalArgumentException("unhandled size name: " + unit);
      }
    }
    Long mult = UNITS.get(unit.toLowerCase(Locale.ROOT));
    if (mult == null || num.isEmpty()) {
      throw new IllegalArgumentException("unhandled size name: " + unit);
    }
    try {
      BigDecimal v = new BigDecimal(num).multiply(BigDecimal.valueOf(mult));
      if (v.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
        throw new IllegalArgumentException("too large: " + s);
      }
      return v.longValue();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid size: " + s, e);
    }
  }

  /** Lossless canonical text: the largest unit that divides the value exactly. */
  public static String format(long bytes) {
    if (bytes != 0) {
      for (int u = 0; u < FORMAT_MULT.length; u++) {
        if (bytes % FORMAT_MULT[u] == 0) {
          return (bytes / FORMAT_MULT[u]) + FORMAT_UNIT[u];
        }
      }
    }
    return bytes + "B";
  }
}
