package io.skald.logql.log.template;

import static io.skald.logql.log.template.Func.Type.INT;
import static io.skald.logql.log.template.Func.Type.STRING;
import static io.skald.logql.log.template.Func.Type.TIME;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;

/**
 * Loki's own template functions (pkg/logql/log/fmt.go): the legacy Go strings functions, regex
 * helpers, url and base64 codecs, unit conversions, time helpers and alignment, plus {@code
 * __line__} and {@code __timestamp__}.
 */
final class LokiFunctions {
  private LokiFunctions() {}

  static void register(Map<String, Func> m) {
    strings(m);
    conversions(m);
    timeAndLayout(m);
  }

  /** The legacy Go strings functions and the regex helpers. */
  private static void strings(Map<String, Func> m) {
    add(m, Func.of("ToLower", (c, a) -> GoStrings.toLower(s(a.get(0))), STRING));
    add(m, Func.of("ToUpper", (c, a) -> GoStrings.toUpper(s(a.get(0))), STRING));
    add(
        m,
        Func.of(
            "Replace",
            (c, a) -> GoStrings.replace(s(a.get(0)), s(a.get(1)), s(a.get(2)), (Long) a.get(3)),
            STRING,
            STRING,
            STRING,
            INT));
    add(
        m,
        Func.of(
            "Trim",
            (c, a) -> GoStrings.trim(s(a.get(0)), s(a.get(1)), true, true),
            STRING,
            STRING));
    add(
        m,
        Func.of(
            "TrimLeft",
            (c, a) -> GoStrings.trim(s(a.get(0)), s(a.get(1)), true, false),
            STRING,
            STRING));
    add(
        m,
        Func.of(
            "TrimRight",
            (c, a) -> GoStrings.trim(s(a.get(0)), s(a.get(1)), false, true),
            STRING,
            STRING));
    add(m, Func.of("TrimPrefix", (c, a) -> trimPrefix(s(a.get(0)), s(a.get(1))), STRING, STRING));
    add(m, Func.of("TrimSuffix", (c, a) -> trimSuffix(s(a.get(0)), s(a.get(1))), STRING, STRING));
    add(m, Func.of("TrimSpace", (c, a) -> GoStrings.trimSpace(s(a.get(0))), STRING));
    add(
        m,
        Func.of(
            "regexReplaceAll",
            (c, a) -> replaceAll(s(a.get(0)), s(a.get(1)), s(a.get(2)), false),
            STRING,
            STRING,
            STRING));
    add(
        m,
        Func.of(
            "regexReplaceAllLiteral",
            (c, a) -> replaceAll(s(a.get(0)), s(a.get(1)), s(a.get(2)), true),
            STRING,
            STRING,
            STRING));
    add(m, Func.of("count", (c, a) -> count(s(a.get(0)), s(a.get(1))), STRING, STRING));
  }

  /** Codecs and unit conversions. */
  private static void conversions(Map<String, Func> m) {
    add(m, Func.of("urldecode", (c, a) -> Escapes.queryUnescape(s(a.get(0))), STRING));
    add(m, Func.of("urlencode", (c, a) -> Escapes.queryEscape(s(a.get(0))), STRING));
    add(m, Func.of("bytes", (c, a) -> GoConversions.parseBytes(s(a.get(0))), STRING));
    add(m, Func.of("duration", (c, a) -> GoConversions.parseDurationSeconds(s(a.get(0))), STRING));
    add(
        m,
        Func.of(
            "duration_seconds", (c, a) -> GoConversions.parseDurationSeconds(s(a.get(0))), STRING));
  }

  /** Time helpers, alignment, and the line and timestamp of the entry. */
  private static void timeAndLayout(Map<String, Func> m) {
    add(
        m,
        Func.of("unixEpochMillis", (c, a) -> Long.toString(((GoTime) a.get(0)).unixMilli()), TIME));
    add(
        m,
        Func.of("unixEpochNanos", (c, a) -> Long.toString(((GoTime) a.get(0)).unixNano()), TIME));
    add(
        m,
        Func.of(
            "toDateInZone",
            (c, a) -> toDateInZone(s(a.get(0)), s(a.get(1)), s(a.get(2))),
            STRING,
            STRING,
            STRING));
    add(m, Func.of("unixToTime", (c, a) -> unixToTime(s(a.get(0))), STRING));
    add(m, Func.of("alignLeft", (c, a) -> align((Long) a.get(0), s(a.get(1)), true), INT, STRING));
    add(
        m,
        Func.of("alignRight", (c, a) -> align((Long) a.get(0), s(a.get(1)), false), INT, STRING));
    add(m, Func.of("b64dec", (c, a) -> b64dec(s(a.get(0))), STRING));
    add(m, Func.of("__line__", (c, a) -> c.line()));
    add(m, Func.of("__timestamp__", (c, a) -> GoTime.unixNanos(c.timestampNanos())));
  }

  private static void add(Map<String, Func> m, Func f) {
    m.put(f.name(), f);
  }

  static String s(Object o) {
    return (String) o;
  }

  static String trimPrefix(String s, String p) {
    return s.startsWith(p) ? s.substring(p.length()) : s;
  }

  static String trimSuffix(String s, String p) {
    return s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s;
  }

  private static Pattern compile(String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  /** Go's ReplaceAllString ({@code $1}, {@code ${name}} expansion) or ReplaceAllLiteralString. */
  static String replaceAll(String regex, String s, String repl, boolean literal) {
    Pattern p = compile(regex);
    Matcher m = p.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    int last = 0;
    int prevEnd = -1;
    int from = 0;
    while (from <= s.length() && m.find(from)) {
      int start = m.start();
      int end = m.end();
      if (start == end && start == prevEnd) {
        // Go ignores an empty match right after the previous match.
        from =
            start
                + Math.max(1, Character.charCount(s.codePointAt(Math.min(start, s.length() - 1))));
        if (start >= s.length()) {
          break;
        }
        continue;
      }
      out.append(s, last, start);
      if (literal) {
        out.append(repl);
      } else {
        GoStrings.expand(out, repl, m, p);
      }
      last = end;
      prevEnd = end;
      from =
          end > start
              ? end
              : end + (end < s.length() ? Character.charCount(s.codePointAt(end)) : 1);
    }
    out.append(s, Math.min(last, s.length()), s.length());
    return out.toString();
  }

  /** Go's FindAllStringIndex count: non-overlapping, empty matches after a match skipped. */
  static long count(String regex, String s) {
    Pattern p = compile(regex);
    Matcher m = p.matcher(s);
    long n = 0;
    int prevEnd = -1;
    int from = 0;
    while (from <= s.length() && m.find(from)) {
      int start = m.start();
      int end = m.end();
      if (!(start == end && start == prevEnd)) {
        n++;
        prevEnd = end;
      }
      from =
          end > start
              ? end
              : end + (end < s.length() ? Character.charCount(s.codePointAt(end)) : 1);
    }
    return n;
  }

  private static GoTime toDateInZone(String layout, String zone, String value) {
    ZoneId loc = GoTimeLayout.zone(zone);
    if (loc == null) {
      loc = java.time.ZoneOffset.UTC;
    }
    try {
      return GoTimeLayout.parse(layout, value, loc);
    } catch (IllegalArgumentException e) {
      return GoTime.ZERO; // Loki ignores the parse error
    }
  }

  /** Unix time as days (5 digits), seconds (10), ms (13), µs (16) or ns (19). */
  static GoTime unixToTime(String epoch) {
    long v;
    try {
      v = Long.parseLong(epoch);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "unable to parse time '"
              + epoch
              + "': strconv.ParseInt: parsing \""
              + epoch
              + "\": invalid syntax");
    }
    Instant at =
        switch (epoch.length()) {
          case 5 -> Instant.ofEpochSecond(v * 86400);
          case 10 -> Instant.ofEpochSecond(v);
          case 13 -> Instant.ofEpochMilli(v);
          case 16 ->
              Instant.ofEpochSecond(
                  Math.floorDiv(v, 1_000_000L), Math.floorMod(v, 1_000_000L) * 1000);
          case 19 ->
              Instant.ofEpochSecond(
                  Math.floorDiv(v, 1_000_000_000L), Math.floorMod(v, 1_000_000_000L));
          default ->
              throw new IllegalArgumentException(
                  "unable to parse time '" + epoch + "': %!w(<nil>)");
        };
    return GoTime.of(at, GoTime.LOCAL);
  }

  /** Pads or cuts to count runes; alignLeft keeps the head, alignRight the tail. */
  static String align(long count, String src, boolean left) {
    int l = src.codePointCount(0, src.length());
    if (count < 0 || count == l) {
      return src;
    }
    if (count > l) {
      String pad = " ".repeat((int) (count - l));
      return left ? src + pad : pad + src;
    }
    return left
        ? src.substring(0, src.offsetByCodePoints(0, (int) count))
        : src.substring(src.offsetByCodePoints(0, (int) (l - count)));
  }

  /** Standard base64 with missing padding added back; a decoding error becomes the result text. */
  static String b64dec(String v) {
    int rem = v.length() % 4;
    if (rem != 0 && rem != 1) {
      v = v + "=".repeat(4 - rem);
    }
    try {
      return new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "illegal base64 data at input byte " + firstBadByte(v);
    }
  }

  private static int firstBadByte(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      boolean ok = Character.isLetterOrDigit(c) && c < 128 || c == '+' || c == '/';
      if (!ok) {
        return c == '=' && i >= v.length() - 2 && v.length() % 4 == 0 ? Math.max(0, i) : i;
      }
    }
    return v.length() - v.length() % 4;
  }
}
