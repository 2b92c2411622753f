package io.skald.logql.log.template;

import io.skald.gocompat.GoUnquote;
import io.skald.logql.log.template.Node.NumberNode;
import java.math.BigInteger;

/**
 * Go number literals ({@code strconv.ParseInt(s, 0, 64)} / {@code ParseFloat} syntax) and rune
 * constants.
 */
final class Numbers {
  private Numbers() {}

  static NumberNode parse(int pos, String text, boolean isChar) {
    if (isChar) {
      int r = charValue(text);
      return new NumberNode(pos, text, true, r, true, r);
    }
    Long i = parseInt(text);
    if (i != null) {
      return new NumberNode(pos, text, true, i, true, i.doubleValue());
    }
    Double f = parseFloat(text);
    if (f == null) {
      throw new IllegalArgumentException("illegal number syntax: \"" + text + "\"");
    }
    if (!text.matches(".*[.eEpP].*")) {
      throw new IllegalArgumentException("integer overflow: \"" + text + "\"");
    }
    boolean integral = !Double.isInfinite(f) && f == Math.rint(f) && Math.abs(f) < 0x1p63;
    return new NumberNode(pos, text, integral, integral ? (long) (double) f : 0, true, f);
  }

  /**
   * {@code strconv.ParseInt(s, 0, 64)}: sign, base prefixes, a leading 0 for octal, '_' separators.
   */
  static Long parseInt(String s) {
    String t = s;
    boolean neg = false;
    if (t.startsWith("+") || t.startsWith("-")) {
      neg = t.startsWith("-");
      t = t.substring(1);
    }
    int base = 10;
    boolean prefixed = false;
    String lower = t.toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("0x")) {
      base = 16;
      prefixed = true;
    } else if (lower.startsWith("0o")) {
      base = 8;
      prefixed = true;
    } else if (lower.startsWith("0b")) {
      base = 2;
      prefixed = true;
    } else if (t.length() > 1 && t.startsWith("0")) {
      base = 8;
      t = "0o" + t.substring(1);
      prefixed = true;
    }
    String digits = prefixed ? t.substring(2) : t;
    if (digits.contains("_")) {
      // Go literal syntax: '_' only between digits (or right after a base prefix).
      if (digits.startsWith("_") && !prefixed || digits.endsWith("_") || digits.contains("__")) {
        return null;
      }
      digits = digits.replace("_", "");
    }
    if (digits.isEmpty()) {
      return null;
    }
    try {
      BigInteger v = new BigInteger(digits, base);
      if (neg) {
        v = v.negate();
      }
      return v.bitLength() < 64 ? v.longValue() : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code strconv.ParseFloat(s, 64)} for decimal and hexadecimal floats. */
  static Double parseFloat(String s) {
    String t = s.replace("_", "");
    if (!t.matches(
        "[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?0[xX][0-9a-fA-F]*\\.?[0-9a-fA-F]*[pP][+-]?\\d+")) {
      return null;
    }
    try {
      return t.toLowerCase(java.util.Locale.ROOT).contains("0x")
          ? Double.parseDouble(t)
          : Double.valueOf(t);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Go's {@code text/template}: {@code strconv.UnquoteChar}, then the closing quote must follow.
   */
  private static int charValue(String text) {
    GoUnquote.Char c = GoUnquote.unquoteChar(text, 1, text.charAt(0));
    if (c.end() != text.length() - 1) {
      throw new IllegalArgumentException("malformed character constant: " + text);
    }
    return c.value();
  }
}
