package io.skald.deletes;

import io.skald.logql.syntax.Strings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the canonical labels text stored in segments and the index ({@code {app="api",
 * env="prod"}}, Prometheus' {@code Labels.String()} form with Go-quoted values), which retention
 * and deletes match against. Not LogQL: a stored label may be named like a LogQL keyword.
 */
public final class CanonicalLabels {

  private CanonicalLabels() {}

  /** @throws IllegalArgumentException when {@code text} is not a canonical labels string */
  public static Map<String, String> parse(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    int pos = skipSpace(text, 0);
    pos = expect(text, pos, '{');
    pos = skipSpace(text, pos);
    if (pos < text.length() && text.charAt(pos) == '}') {
      return end(text, pos + 1, out);
    }
    while (true) {
      int nameEnd = name(text, pos);
      String name = text.substring(pos, nameEnd);
      pos = expect(text, skipSpace(text, nameEnd), '=');
      pos = skipSpace(text, pos);
      int valueEnd = quoted(text, pos);
      out.put(name, Strings.unquote(text.substring(pos, valueEnd)));
      pos = skipSpace(text, valueEnd);
      if (pos < text.length() && text.charAt(pos) == ',') {
        pos = skipSpace(text, pos + 1);
        continue;
      }
      return end(text, expect(text, pos, '}'), out);
    }
  }

  private static Map<String, String> end(String text, int pos, Map<String, String> out) {
    if (skipSpace(text, pos) != text.length()) {
      throw invalid(text);
    }
    return out;
  }

  private static int name(String text, int pos) {
    int i = pos;
    while (i < text.length() && isNameChar(text.charAt(i), i == pos)) {
      i++;
    }
    if (i == pos) {
      throw invalid(text);
    }
    return i;
  }

  private static boolean isNameChar(char c, boolean first) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9');
  }

  /** End (exclusive) of the double-quoted string starting at {@code pos}. */
  private static int quoted(String text, int pos) {
    if (pos >= text.length() || text.charAt(pos) != '"') {
      throw invalid(text);
    }
    for (int i = pos + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i + 1;
      }
    }
    throw invalid(text);
  }

  private static int expect(String text, int pos, char c) {
    if (pos >= text.length() || text.charAt(pos) != c) {
      throw invalid(text);
    }
    return pos + 1;
  }

  private static int skipSpace(String text, int pos) {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
    return pos;
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("not a label set: " + text);
  }
}
