package io.skald.logql.log.template;

import static io.skald.logql.log.template.Func.Type.ANY;
import static io.skald.logql.log.template.Func.Type.STRING;

import java.util.List;
import java.util.Map;

/**
 * Go's predefined template functions: and, or (short-circuited by the executor), not, len, index,
 * print, printf, println, eq, ne, lt, le, gt, ge, html, js, urlquery.
 */
final class Builtins {
  static final String BAD_COMPARISON_TYPE = "invalid type for comparison";
  static final String BAD_COMPARISON = "incompatible types for comparison";

  private Builtins() {}

  static void register(Map<String, Func> m) {
    add(m, Func.variadic("and", (c, a) -> null, ANY, ANY));
    add(m, Func.variadic("or", (c, a) -> null, ANY, ANY));
    add(m, Func.of("not", (c, a) -> !GoValues.truth(a.get(0)), ANY));
    add(m, Func.of("len", (c, a) -> len(a.get(0)), ANY));
    add(m, Func.variadic("index", (c, a) -> index(a), ANY, ANY));
    add(m, Func.variadic("print", (c, a) -> GoFmt.sprint(a), ANY));
    add(m, Func.variadic("println", (c, a) -> GoFmt.sprintln(a), ANY));
    add(
        m,
        Func.variadic(
            "printf",
            (c, a) -> GoFmt.sprintf((String) a.get(0), a.subList(1, a.size())),
            ANY,
            STRING));
    add(m, Func.variadic("eq", (c, a) -> eq(a), ANY, ANY));
    add(m, Func.of("ne", (c, a) -> !eq(a), ANY, ANY));
    add(m, Func.of("lt", (c, a) -> lt(a.get(0), a.get(1)), ANY, ANY));
    add(m, Func.of("le", (c, a) -> lt(a.get(0), a.get(1)) || eq(a), ANY, ANY));
    add(m, Func.of("gt", (c, a) -> !(lt(a.get(0), a.get(1)) || eq(a)), ANY, ANY));
    add(m, Func.of("ge", (c, a) -> !lt(a.get(0), a.get(1)), ANY, ANY));
    add(m, Func.variadic("html", (c, a) -> html(GoFmt.sprint(a)), ANY));
    add(m, Func.variadic("js", (c, a) -> js(GoFmt.sprint(a)), ANY));
    add(m, Func.variadic("urlquery", (c, a) -> Escapes.queryEscape(GoFmt.sprint(a)), ANY));
  }

  private static void add(Map<String, Func> m, Func f) {
    m.put(f.name(), f);
  }

  private static long len(Object v) {
    if (v instanceof String s) {
      return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
    if (v instanceof Map<?, ?> m) {
      return m.size();
    }
    if (v instanceof List<?> l) {
      return l.size();
    }
    throw new IllegalArgumentException("len of type " + GoValues.typeName(v));
  }

  private static Object index(List<Object> a) {
    Object item = a.get(0);
    for (Object idx : a.subList(1, a.size())) {
      if (item instanceof Map<?, ?> m) {
        if (!(idx instanceof String)) {
          throw new IllegalArgumentException(
              "value has type " + GoValues.typeName(idx) + "; should be string");
        }
        item = m.get(idx);
      } else if (item instanceof TemplateData d) {
        String v = d.get(String.valueOf(idx));
        item = v == null ? "" : v;
      } else if (item instanceof List<?> l) {
        int i = position(idx, l.size());
        item = l.get(i);
      } else if (item instanceof String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        item = (long) (b[position(idx, b.length)] & 0xff);
      } else if (item == null) {
        throw new IllegalArgumentException("index of untyped nil");
      } else {
        throw new IllegalArgumentException("can't index item of type " + GoValues.typeName(item));
      }
    }
    return item;
  }

  private static int position(Object idx, int len) {
    if (!(idx instanceof Long l)) {
      throw new IllegalArgumentException(
          "cannot index slice/array with type " + GoValues.typeName(idx));
    }
    if (l < 0 || l >= len) {
      throw new IllegalArgumentException("index out of range: " + l);
    }
    return (int) (long) l;
  }

  private enum Kind {
    BOOL,
    INT,
    FLOAT,
    STRING,
    OTHER
  }

  private static Kind kind(Object v) {
    if (v instanceof Boolean) {
      return Kind.BOOL;
    }
    if (v instanceof Long) {
      return Kind.INT;
    }
    if (v instanceof Double) {
      return Kind.FLOAT;
    }
    if (v instanceof String) {
      return Kind.STRING;
    }
    return Kind.OTHER;
  }

  /** eq arg1 arg2...: true when arg1 equals any of the others; kinds must agree (nil aside). */
  static boolean eq(List<Object> a) {
    if (a.size() < 2) {
      throw new IllegalArgumentException("missing argument for comparison");
    }
    Object x = a.get(0);
    Kind k1 = kind(x);
    for (Object y : a.subList(1, a.size())) {
      Kind k2 = kind(y);
      if (k1 != k2) {
        if (x != null && y != null) {
          throw new IllegalArgumentException(BAD_COMPARISON);
        }
        continue;
      }
      if (k1 == Kind.OTHER
          && (x instanceof Map || x instanceof List || y instanceof Map || y instanceof List)) {
        throw new IllegalArgumentException("non-comparable types");
      }
      if (java.util.Objects.equals(x, y)) {
        return true;
      }
    }
    return false;
  }

  static boolean lt(Object x, Object y) {
    Kind k1 = kind(x);
    Kind k2 = kind(y);
    if (k1 == Kind.OTHER || k1 == Kind.BOOL || k2 == Kind.OTHER || k2 == Kind.BOOL) {
      throw new IllegalArgumentException(BAD_COMPARISON_TYPE);
    }
    if (k1 != k2) {
      throw new IllegalArgumentException(BAD_COMPARISON);
    }
    return switch (k1) {
      case STRING -> ((String) x).compareTo((String) y) < 0;
      case INT -> (Long) x < (Long) y;
      default -> (Double) x < (Double) y;
    };
  }

  private static String html(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\0' -> sb.append("\uFFFD");
        case '"' -> sb.append("&#34;");
        case '\'' -> sb.append("&#39;");
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String js(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\'' -> sb.append("\\'");
        case '"' -> sb.append("\\\"");
        case '<' -> sb.append("\\u003C");
        case '>' -> sb.append("\\u003E");
        case '&' -> sb.append("\\u0026");
        case '=' -> sb.append("\\u003D");
        case '\n' -> sb.append("\\u000A");
        case '\r' -> sb.append("\\u000D");
        case '\t' -> sb.append("\\u0009");
        default -> sb.append(c < ' ' ? String.format("\\u%04X", (int) c) : String.valueOf(c));
      }
    }
    return sb.toString();
  }
}
