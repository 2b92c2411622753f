package io.skald.logql.syntax;

/** Text forms of LogQL values (Go quoting and unquoting is in {@code io.skald.gocompat}). */
public final class Strings {
  private Strings() {}

  /** Shortest plain decimal form of a double, like Go's {@code FormatFloat(v, 'f', -1, 64)}. */
  public static String formatNumber(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == 0 && 1 / v < 0) {
      return "-0";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }
}
