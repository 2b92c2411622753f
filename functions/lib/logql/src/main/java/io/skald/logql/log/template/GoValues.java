package io.skald.logql.log.template;

import java.util.List;
import java.util.Map;

/**
 * The Go view of template values. Values are {@link String}, {@link Long} (Go int and int64),
 * {@link Double} (float64), {@link Boolean}, {@link GoTime}, {@code Map<String, Object>} and {@code
 * List<Object>} (from {@code fromJson}), the label data ({@link TemplateData}) and null (nil).
 */
final class GoValues {
  private GoValues() {}

  /**
   * The Go type name used in error messages ({@code wrong type for value; expected int; got
   * string}).
   */
  static String typeName(Object v) {
    if (v == null) {
      return "<nil>";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Long) {
      return "int";
    }
    if (v instanceof Double) {
      return "float64";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof GoTime) {
      return "time.Time";
    }
    if (v instanceof TemplateData) {
      return "map[string]string";
    }
    if (v instanceof Map) {
      return "map[string]interface {}";
    }
    if (v instanceof List) {
      return "[]interface {}";
    }
    return v.getClass().getSimpleName();
  }

  /** Go's template truth: false, 0, nil and empty strings, maps and slices are false. */
  static boolean truth(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    if (v instanceof Long l) {
      return l != 0;
    }
    if (v instanceof Double d) {
      return d != 0;
    }
    if (v instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    if (v instanceof List<?> l) {
      return !l.isEmpty();
    }
    return true;
  }

  /** Sprig's {@code empty}, used by {@code default}: like !truth, but a time is never empty. */
  static boolean empty(Object v) {
    return !truth(v);
  }

  /** cast.ToInt64 as Sprig uses it: lenient, 0 when the value does not convert. */
  static long toInt64(Object v) {
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Double d) {
      return (long) (double) d;
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof String s) {
      if (s.isEmpty()) {
        return 0;
      }
      String t = s;
      if (t.contains(".")) {
        java.util.regex.Matcher m = DECIMAL.matcher(t);
        if (m.matches()) {
          t = m.group(1);
          if (t.isEmpty() || t.equals("-") || t.equals("+")) {
            t = t + "0";
          }
        }
      }
      Long parsed = Numbers.parseInt(t);
      return parsed == null ? 0 : parsed;
    }
    return 0;
  }

  private static final java.util.regex.Pattern DECIMAL =
      java.util.regex.Pattern.compile("^([-+]?\\d*)(\\.\\d*)?$");

  /** cast.ToFloat64: lenient, 0 when the value does not convert. */
  static double toFloat64(Object v) {
    if (v instanceof Double d) {
      return d;
    }
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof String s) {
      if (s.isEmpty()) {
        return 0;
      }
      try {
        return GoConversions.parseFloat(s);
      } catch (IllegalArgumentException e) {
        return 0;
      }
    }
    return 0;
  }

  /** fmt's %v of a value as the template prints an action's result. */
  static String print(Object v) {
    StringBuilder sb = new StringBuilder();
    GoFmt.appendValue(sb, v, 'v');
    return sb.toString();
  }
}
