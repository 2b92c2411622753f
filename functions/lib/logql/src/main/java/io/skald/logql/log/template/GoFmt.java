package io.skald.logql.log.template;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Go's fmt for template values: {@code print}, {@code println}, {@code printf} (see {@link
 * GoPrintf}) and the %v used to print action results.
 */
final class GoFmt {
  private GoFmt() {}

  /** fmt.Sprint: spaces between operands when neither side is a string. */
  static String sprint(List<Object> args) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < args.size(); i++) {
      Object a = args.get(i);
      if (i > 0 && !(a instanceof String) && !(args.get(i - 1) instanceof String)) {
        sb.append(' ');
      }
      appendValue(sb, a, 'v');
    }
    return sb.toString();
  }

  static String sprintln(List<Object> args) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        sb.append(' ');
      }
      appendValue(sb, args.get(i), 'v');
    }
    return sb.append('\n').toString();
  }

  /** %v (and %s for strings): the default format of a value. */
  static void appendValue(StringBuilder sb, Object v, char verb) {
    if (v == null) {
      sb.append("<nil>");
    } else if (v instanceof String s) {
      sb.append(s);
    } else if (v instanceof Double d) {
      sb.append(GoFloats.formatV(d));
    } else if (v instanceof Map<?, ?> m) {
      sb.append("map[");
      boolean first = true;
      for (Map.Entry<?, ?> e : new TreeMap<>(m).entrySet()) {
        if (!first) {
          sb.append(' ');
        }
        first = false;
        sb.append(e.getKey()).append(':');
        appendValue(sb, e.getValue(), verb);
      }
      sb.append(']');
    } else if (v instanceof List<?> l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          sb.append(' ');
        }
        appendValue(sb, l.get(i), verb);
      }
      sb.append(']');
    } else {
      sb.append(v);
    }
  }

  static String sprintf(String format, List<Object> args) {
    return new GoPrintf(format, args).run();
  }
}
