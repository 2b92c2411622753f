package io.skald.logql.log.template;

import static io.skald.logql.log.template.Func.Type.ANY;
import static io.skald.logql.log.template.Func.Type.INT;
import static io.skald.logql.log.template.Func.Type.STRING;
import static io.skald.logql.log.template.Func.Type.TIME;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * The Sprig functions Loki enables, with Sprig's semantics: lenient number conversion (cast.ToInt64
 * / ToFloat64: unconvertible values are 0), byte-based {@code trunc} and {@code substr}, decimal
 * arithmetic for the {@code *f} functions, "Local" time = UTC.
 */
final class SprigFunctions {
  private SprigFunctions() {}

  static void register(Map<String, Func> m) {
    strings(m);
    integers(m);
    floats(m);
    datesAndDefaults(m);
  }

  /** Strings: case, trimming, padding, searching (byte-based, as Sprig slices Go strings). */
  private static void strings(Map<String, Func> m) {
    add(
        m,
        Func.of("b64enc", (c, a) -> Base64.getEncoder().encodeToString(bytes(a.get(0))), STRING));
    add(m, Func.of("lower", (c, a) -> GoStrings.toLower(s(a.get(0))), STRING));
    add(m, Func.of("upper", (c, a) -> GoStrings.toUpper(s(a.get(0))), STRING));
    add(m, Func.of("title", (c, a) -> GoStrings.title(s(a.get(0))), STRING));
    add(m, Func.of("trunc", (c, a) -> trunc((Long) a.get(0), s(a.get(1))), INT, STRING));
    add(
        m,
        Func.of(
            "substr",
            (c, a) -> substr((Long) a.get(0), (Long) a.get(1), s(a.get(2))),
            INT,
            INT,
            STRING));
    add(m, Func.of("contains", (c, a) -> s(a.get(1)).contains(s(a.get(0))), STRING, STRING));
    add(m, Func.of("hasPrefix", (c, a) -> s(a.get(1)).startsWith(s(a.get(0))), STRING, STRING));
    add(m, Func.of("hasSuffix", (c, a) -> s(a.get(1)).endsWith(s(a.get(0))), STRING, STRING));
    add(m, Func.of("indent", (c, a) -> indent((Long) a.get(0), s(a.get(1))), INT, STRING));
    add(m, Func.of("nindent", (c, a) -> "\n" + indent((Long) a.get(0), s(a.get(1))), INT, STRING));
    add(
        m,
        Func.of(
            "replace",
            (c, a) -> GoStrings.replace(s(a.get(2)), s(a.get(0)), s(a.get(1)), -1),
            STRING,
            STRING,
            STRING));
    add(m, Func.of("repeat", (c, a) -> repeat((Long) a.get(0), s(a.get(1))), INT, STRING));
    add(m, Func.of("trim", (c, a) -> GoStrings.trimSpace(s(a.get(0))), STRING));
    add(
        m,
        Func.of(
            "trimAll",
            (c, a) -> GoStrings.trim(s(a.get(1)), s(a.get(0)), true, true),
            STRING,
            STRING));
    add(
        m,
        Func.of(
            "trimSuffix",
            (c, a) -> LokiFunctions.trimSuffix(s(a.get(1)), s(a.get(0))),
            STRING,
            STRING));
    add(
        m,
        Func.of(
            "trimPrefix",
            (c, a) -> LokiFunctions.trimPrefix(s(a.get(1)), s(a.get(0))),
            STRING,
            STRING));
  }

  /** Integer arithmetic with Sprig's lenient conversion (unconvertible values are 0). */
  private static void integers(Map<String, Func> m) {
    add(m, Func.of("int", (c, a) -> GoValues.toInt64(a.get(0)), ANY));
    add(m, Func.of("float64", (c, a) -> GoValues.toFloat64(a.get(0)), ANY));
    add(m, Func.variadic("add", (c, a) -> a.stream().mapToLong(GoValues::toInt64).sum(), ANY));
    add(
        m,
        Func.of(
            "sub", (c, a) -> GoValues.toInt64(a.get(0)) - GoValues.toInt64(a.get(1)), ANY, ANY));
    add(
        m,
        Func.variadic(
            "mul",
            (c, a) -> a.stream().mapToLong(GoValues::toInt64).reduce(1, (x, y) -> x * y),
            ANY,
            ANY));
    add(m, Func.of("div", (c, a) -> divide(a.get(0), a.get(1), false), ANY, ANY));
    add(m, Func.of("mod", (c, a) -> divide(a.get(0), a.get(1), true), ANY, ANY));
  }

  /** Float arithmetic; the {@code *f} functions compute in decimal, as Sprig does. */
  private static void floats(Map<String, Func> m) {
    add(m, Func.variadic("addf", (c, a) -> decimal(a, BigDecimal::add), ANY));
    add(m, Func.variadic("subf", (c, a) -> decimal(a, BigDecimal::subtract), ANY, ANY));
    add(m, Func.variadic("mulf", (c, a) -> decimal(a, BigDecimal::multiply), ANY, ANY));
    add(m, Func.variadic("divf", (c, a) -> decimal(a, SprigFunctions::decimalDivide), ANY, ANY));
    add(
        m,
        Func.variadic(
            "max", (c, a) -> a.stream().mapToLong(GoValues::toInt64).max().getAsLong(), ANY, ANY));
    add(
        m,
        Func.variadic(
            "min", (c, a) -> a.stream().mapToLong(GoValues::toInt64).min().getAsLong(), ANY, ANY));
    add(
        m,
        Func.variadic(
            "maxf",
            (c, a) -> a.stream().mapToDouble(GoValues::toFloat64).reduce(Math::max).getAsDouble(),
            ANY,
            ANY));
    add(
        m,
        Func.variadic(
            "minf",
            (c, a) -> a.stream().mapToDouble(GoValues::toFloat64).reduce(Math::min).getAsDouble(),
            ANY,
            ANY));
    add(m, Func.of("ceil", (c, a) -> Math.ceil(GoValues.toFloat64(a.get(0))), ANY));
    add(m, Func.of("floor", (c, a) -> Math.floor(GoValues.toFloat64(a.get(0))), ANY));
    add(m, Func.variadic("round", (c, a) -> round(a), Func.Type.FLOAT, ANY, INT));
  }

  /** JSON, dates, and {@code default}. */
  private static void datesAndDefaults(Map<String, Func> m) {
    add(m, Func.of("fromJson", (c, a) -> JsonDecoder.parse(s(a.get(0))), STRING));
    add(m, Func.of("date", (c, a) -> date(s(a.get(0)), a.get(1)), STRING, ANY));
    add(m, Func.of("toDate", (c, a) -> toDate(s(a.get(0)), s(a.get(1))), STRING, STRING));
    add(m, Func.of("now", (c, a) -> GoTime.now()));
    add(m, Func.of("unixEpoch", (c, a) -> Long.toString(((GoTime) a.get(0)).unix()), TIME));
    add(
        m,
        Func.variadic(
            "default",
            (c, a) -> a.size() < 2 || GoValues.empty(a.get(1)) ? a.get(0) : a.get(1),
            ANY,
            ANY));
  }

  private static void add(Map<String, Func> m, Func f) {
    m.put(f.name(), f);
  }

  private static String s(Object o) {
    return (String) o;
  }

  private static byte[] bytes(Object o) {
    return ((String) o).getBytes(StandardCharsets.UTF_8);
  }

  /** Byte-based, as Sprig slices Go strings. */
  static String trunc(long c, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (c < 0 && b.length + c > 0) {
      return new String(b, (int) (b.length + c), (int) -c, StandardCharsets.UTF_8);
    }
    if (c >= 0 && b.length > c) {
      return new String(b, 0, (int) c, StandardCharsets.UTF_8);
    }
    return s;
  }

  /** Sprig's substring; out-of-range bounds fail like Go's slice expressions do. */
  static String substr(long start, long end, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    long from = start;
    long to = end;
    if (start < 0) {
      from = 0;
    } else if (end < 0 || end > b.length) {
      to = b.length;
    }
    if (to > b.length || to < 0) {
      throw new IllegalArgumentException(
          "runtime error: slice bounds out of range [:" + to + "] with length " + b.length);
    }
    if (from > to) {
      throw new IllegalArgumentException(
          "runtime error: slice bounds out of range [" + from + ":" + to + "]");
    }
    return new String(b, (int) from, (int) (to - from), StandardCharsets.UTF_8);
  }

  private static String indent(long spaces, String v) {
    String pad = " ".repeat((int) Math.max(0, spaces));
    return pad + v.replace("\n", "\n" + pad);
  }

  private static String repeat(long count, String s) {
    if (count < 0) {
      throw new IllegalArgumentException("strings: negative Repeat count");
    }
    return s.repeat((int) count);
  }

  private static long divide(Object a, Object b, boolean mod) {
    long x = GoValues.toInt64(a);
    long y = GoValues.toInt64(b);
    if (y == 0) {
      throw new IllegalArgumentException("runtime error: integer divide by zero");
    }
    return mod ? x % y : x / y;
  }

  /** shopspring/decimal arithmetic on the shortest decimal form of each float, as Sprig does. */
  private static double decimal(List<Object> a, BinaryOperator<BigDecimal> op) {
    if (a.isEmpty()) {
      return 0;
    }
    BigDecimal acc = BigDecimal.valueOf(GoValues.toFloat64(a.get(0)));
    for (Object o : a.subList(1, a.size())) {
      acc = op.apply(acc, BigDecimal.valueOf(GoValues.toFloat64(o)));
    }
    return acc.doubleValue();
  }

  private static BigDecimal decimalDivide(BigDecimal x, BigDecimal y) {
    if (y.signum() == 0) {
      throw new IllegalArgumentException("decimal division by 0");
    }
    return x.divide(y, 16, RoundingMode.HALF_UP);
  }

  /** round(value, places[, roundOn=.5]): ceil when the fraction is at least roundOn. */
  private static double round(List<Object> a) {
    double roundOn = a.size() > 2 ? (Double) a.get(2) : .5;
    double val = GoValues.toFloat64(a.get(0));
    double pow = Math.pow(10, (Long) a.get(1));
    double digit = pow * val;
    double frac = digit - (digit < 0 ? Math.ceil(digit) : Math.floor(digit));
    double r = frac >= roundOn ? Math.ceil(digit) : Math.floor(digit);
    return r / pow;
  }

  /** Sprig's date: a time, or Unix seconds as an int; anything else formats the current time. */
  private static String date(String layout, Object date) {
    GoTime t;
    if (date instanceof GoTime g) {
      t = g;
    } else if (date instanceof Long l) {
      t = GoTime.of(Instant.ofEpochSecond(l), GoTime.LOCAL);
    } else {
      t = GoTime.now();
    }
    return t.in(GoTime.LOCAL).format(layout);
  }

  private static GoTime toDate(String layout, String value) {
    try {
      return GoTimeLayout.parse(layout, value, GoTime.LOCAL);
    } catch (IllegalArgumentException e) {
      return GoTime.ZERO; // Sprig ignores the error
    }
  }
}
