package io.skald.logql.log.template;

import io.skald.gocompat.GoQuote;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One {@code fmt.Sprintf} call: verbs v s q d b o x X c U e E f F g G t T and %%, flags {@code + -
 * # 0 space}, width and precision (also {@code *}); mismatched arguments print Go's {@code
 * %!d(string=x)}, {@code %!d(MISSING)} and {@code %!(EXTRA ...)} forms.
 */
final class GoPrintf {
  private final String format;
  private final List<Object> args;
  private final StringBuilder out = new StringBuilder();
  private int argIndex;
  private boolean minus;
  private boolean plus;
  private boolean sharp;
  private boolean space;
  private boolean zero;
  private int width;
  private int prec;

  GoPrintf(String format, List<Object> args) {
    this.format = format;
    this.args = args;
  }

  String run() {
    int i = 0;
    int n = format.length();
    while (i < n) {
      char c = format.charAt(i);
      if (c != '%') {
        out.append(c);
        i++;
        continue;
      }
      i++;
      minus = plus = sharp = space = zero = false;
      width = -1;
      prec = -1;
      for (; i < n; i++) {
        char f = format.charAt(i);
        if (f == '-') {
          minus = true;
          zero = false;
        } else if (f == '+') {
          plus = true;
        } else if (f == '#') {
          sharp = true;
        } else if (f == ' ') {
          space = true;
        } else if (f == '0') {
          zero = !minus;
        } else {
          break;
        }
      }
      i = number(i, true);
      if (i < n && format.charAt(i) == '.') {
        i = number(i + 1, false);
        if (prec < 0) {
          prec = 0;
        }
      }
      if (i >= n) {
        out.append("%!(NOVERB)");
        break;
      }
      char verb = format.charAt(i++);
      if (verb == '%') {
        out.append('%');
        continue;
      }
      if (argIndex >= args.size()) {
        out.append("%!").append(verb).append("(MISSING)");
        continue;
      }
      format(verb, args.get(argIndex++));
    }
    if (argIndex < args.size()) {
      out.append("%!(EXTRA ");
      for (int k = argIndex; k < args.size(); k++) {
        if (k > argIndex) {
          out.append(", ");
        }
        Object a = args.get(k);
        out.append(GoValues.typeName(a)).append('=');
        GoFmt.appendValue(out, a, 'v');
      }
      out.append(')');
    }
    return out.toString();
  }

  /** Reads a width (or precision) number or '*'. */
  private int number(int i, boolean isWidth) {
    if (i < format.length() && format.charAt(i) == '*') {
      Object a = argIndex < args.size() ? args.get(argIndex++) : null;
      int v = a instanceof Long l ? (int) (long) l : -1;
      if (isWidth) {
        width = Math.abs(v);
        if (v < 0) {
          minus = true;
        }
      } else {
        prec = v;
      }
      return i + 1;
    }
    int start = i;
    while (i < format.length() && Character.isDigit(format.charAt(i))) {
      i++;
    }
    if (i > start) {
      int v = Integer.parseInt(format.substring(start, Math.min(i, start + 6)));
      if (isWidth) {
        width = v;
      } else {
        prec = v;
      }
    }
    return i;
  }

  /** The rune an integer stands for in {@code %q}, as in Go: U+FFFD when out of range. */
  private static int rune(long l) {
    return l < 0 || l > Character.MAX_CODE_POINT ? 0xFFFD : (int) l;
  }

  private void format(char verb, Object a) {
    String s =
        switch (verb) {
          case 'v' ->
              a instanceof Double d
                  ? floatVerb(d, 'g', -1)
                  : a instanceof Long l
                      ? integer(l, 10)
                      : a instanceof String str ? truncate(str) : plain(a);
          case 'T' -> GoValues.typeName(a);
          case 's' ->
              a instanceof String str
                  ? truncate(str)
                  : a instanceof GoTime
                      ? a.toString()
                      : a instanceof Map || a instanceof List ? plain(a) : bad(verb, a);
          case 'q' ->
              a instanceof String str
                  ? GoQuote.quote(str)
                  : a instanceof Long l ? GoQuote.quoteRune(rune(l)) : bad(verb, a);
          case 'd' -> a instanceof Long l ? integer(l, 10) : bad(verb, a);
          case 'b' -> a instanceof Long l ? integer(l, 2) : bad(verb, a);
          case 'o' -> a instanceof Long l ? integer(l, 8) : bad(verb, a);
          case 'x', 'X' -> hex(verb, a);
          case 'c' ->
              a instanceof Long l ? new String(Character.toChars((int) (long) l)) : bad(verb, a);
          case 'U' -> a instanceof Long l ? String.format("U+%04X", l) : bad(verb, a);
          case 'e', 'E', 'f', 'F', 'g', 'G' ->
              a instanceof Double d ? floatVerb(d, verb, prec) : bad(verb, a);
          case 't' -> a instanceof Boolean b ? b.toString() : bad(verb, a);
          default -> bad(verb, a);
        };
    pad(s, a instanceof Long || a instanceof Double);
  }

  private String plain(Object a) {
    StringBuilder sb = new StringBuilder();
    GoFmt.appendValue(sb, a, 'v');
    return sb.toString();
  }

  private String truncate(String s) {
    return prec >= 0 && s.codePointCount(0, s.length()) > prec
        ? s.substring(0, s.offsetByCodePoints(0, prec))
        : s;
  }

  private String integer(long v, int radix) {
    String digits = Long.toString(Math.abs(v), radix);
    if (v == Long.MIN_VALUE) {
      digits = Long.toUnsignedString(v, radix);
    }
    if (prec >= 0) {
      digits = "0".repeat(Math.max(0, prec - digits.length())) + digits;
    }
    String prefix = sharp ? (radix == 16 ? "0x" : radix == 8 ? "0" : radix == 2 ? "0b" : "") : "";
    return sign(v < 0) + prefix + digits;
  }

  private String hex(char verb, Object a) {
    String s;
    if (a instanceof Long l) {
      s = integer(l, 16);
    } else if (a instanceof String str) {
      StringBuilder sb = new StringBuilder();
      for (byte b : str.getBytes(StandardCharsets.UTF_8)) {
        sb.append(String.format("%02x", b & 0xff));
      }
      s = sb.toString();
    } else {
      return bad(verb, a);
    }
    return verb == 'X' ? s.toUpperCase(java.util.Locale.ROOT) : s;
  }

  private String floatVerb(double d, char verb, int precision) {
    String body =
        switch (Character.toLowerCase(verb)) {
          case 'e' -> GoFloats.formatE(d, precision < 0 ? 6 : precision);
          case 'f' -> GoFloats.formatF(d, precision < 0 ? 6 : precision);
          default -> GoFloats.formatG(d, precision, sharp);
        };
    if (Character.isUpperCase(verb)) {
      body = body.toUpperCase(java.util.Locale.ROOT);
    }
    boolean negative = body.startsWith("-");
    return sign(negative) + (negative ? body.substring(1) : body);
  }

  private String sign(boolean negative) {
    return negative ? "-" : plus ? "+" : space ? " " : "";
  }

  private String bad(char verb, Object a) {
    if (a == null) {
      return "%!" + verb + "(<nil>)";
    }
    StringBuilder sb =
        new StringBuilder("%!").append(verb).append('(').append(GoValues.typeName(a)).append('=');
    GoFmt.appendValue(sb, a, 'v');
    return sb.append(')').toString();
  }

  private void pad(String s, boolean numeric) {
    int len = s.codePointCount(0, s.length());
    if (width <= len) {
      out.append(s);
      return;
    }
    int fill = width - len;
    if (minus) {
      out.append(s).append(" ".repeat(fill));
    } else if (zero && numeric && !s.startsWith("%!")) {
      int signLen = s.startsWith("-") || s.startsWith("+") || s.startsWith(" ") ? 1 : 0;
      out.append(s, 0, signLen).append("0".repeat(fill)).append(s.substring(signLen));
    } else if (zero && !numeric) {
      out.append("0".repeat(fill)).append(s);
    } else {
      out.append(" ".repeat(fill)).append(s);
    }
  }
}
