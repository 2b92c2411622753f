package io.skald.logql.log.template;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Go float parsing ({@code strconv.ParseFloat}) and formatting (%v, %e, %f, %g). */
final class GoFloats {
  private GoFloats() {}

  /** The shortest decimal digits and the decimal point position of |v| (v finite, non-zero). */
  private record Digits(String digits, int dp) {
    static Digits shortest(double v) {
      BigDecimal bd = new BigDecimal(Double.toString(Math.abs(v))).stripTrailingZeros();
      String d = bd.unscaledValue().toString();
      return new Digits(d, d.length() - bd.scale());
    }

    static Digits rounded(double v, int significant) {
      BigDecimal bd =
          new BigDecimal(Math.abs(v)).round(new MathContext(significant, RoundingMode.HALF_EVEN));
      String d = bd.unscaledValue().toString();
      int dp = d.length() - bd.scale();
      while (d.length() < significant) {
        d = d + "0";
      }
      return new Digits(d.substring(0, significant), dp);
    }
  }

  /**
   * %v: the shortest %g; exponent form when the exponent is below -4 or at least 6 ({@code 3e+06}).
   */
  static String formatV(double v) {
    return formatG(v, -1, false);
  }

  static String special(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    return null;
  }

  /** %g with precision prec (-1: shortest). */
  static String formatG(double v, int prec, boolean sharp) {
    String sp = special(v);
    if (sp != null) {
      return sp;
    }
    if (v == 0) {
      return (1 / v < 0 ? "-" : "") + "0";
    }
    Digits d = prec < 0 ? Digits.shortest(v) : Digits.rounded(v, Math.max(prec, 1));
    String digits = d.digits();
    if (prec >= 0 && !sharp) {
      digits = digits.replaceAll("0+$", "");
      if (digits.isEmpty()) {
        digits = "0";
      }
    }
    int eprec = prec < 0 ? 6 : Math.max(prec, 1);
    if (prec >= 0 && eprec > digits.length() && digits.length() >= d.dp()) {
      eprec = digits.length();
    }
    int exp = d.dp() - 1;
    String sign = v < 0 ? "-" : "";
    if (exp < -4 || exp >= eprec) {
      return sign + eForm(digits, exp);
    }
    return sign + fForm(digits, d.dp());
  }

  /** %e with precision prec (-1: shortest). */
  static String formatE(double v, int prec) {
    String sp = special(v);
    if (sp != null) {
      return sp;
    }
    if (v == 0) {
      String z = prec < 0 ? "0" : "0" + (prec > 0 ? "." + "0".repeat(prec) : "");
      return (1 / v < 0 ? "-" : "") + z + "e+00";
    }
    Digits d = prec < 0 ? Digits.shortest(v) : Digits.rounded(v, prec + 1);
    return (v < 0 ? "-" : "") + eForm(d.digits(), d.dp() - 1);
  }

  /** %f with precision prec (-1: shortest). */
  static String formatF(double v, int prec) {
    String sp = special(v);
    if (sp != null) {
      return sp;
    }
    if (prec < 0) {
      if (v == 0) {
        return (1 / v < 0 ? "-" : "") + "0";
      }
      Digits d = Digits.shortest(v);
      return (v < 0 ? "-" : "") + fForm(d.digits(), d.dp());
    }
    BigDecimal bd = new BigDecimal(v).setScale(prec, RoundingMode.HALF_EVEN);
    String s = bd.abs().toPlainString();
    boolean negative = v < 0 || (v == 0 && 1 / v < 0);
    return (negative ? "-" : "") + s;
  }

  private static String eForm(String digits, int exp) {
    StringBuilder sb = new StringBuilder();
    sb.append(digits.charAt(0));
    if (digits.length() > 1) {
      sb.append('.').append(digits, 1, digits.length());
    }
    sb.append('e').append(exp < 0 ? '-' : '+');
    int a = Math.abs(exp);
    if (a < 10) {
      sb.append('0');
    }
    return sb.append(a).toString();
  }

  private static String fForm(String digits, int dp) {
    if (dp <= 0) {
      return "0." + "0".repeat(-dp) + digits;
    }
    if (dp >= digits.length()) {
      return digits + "0".repeat(dp - digits.length());
    }
    return digits.substring(0, dp) + "." + digits.substring(dp);
  }
}
