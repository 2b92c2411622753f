package io.skald.routes.pushingest.util;

/** go-humanize's {@code Bytes} (SI units, base 1000), used in one of Loki's 413 texts. */
public final class Humanize {
  private static final String[] SI = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};

  private Humanize() {}

  public static String bytes(long s) {
    if (s < 10) {
      return s + " B";
    }
    int e = (int) Math.floor(Math.log(s) / Math.log(1000));
    double val = Math.floor(s / Math.pow(1000, e) * 10 + 0.5) / 10;
    // Go's %.0f / %.1f round half to even on the exact binary value
    int scale = val < 10 ? 1 : 0;
    String num =
        new java.math.BigDecimal(val)
            .setScale(scale, java.math.RoundingMode.HALF_EVEN)
            .toPlainString();
    return num + " " + SI[e];
  }
}
