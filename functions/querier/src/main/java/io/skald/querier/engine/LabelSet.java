package io.skald.querier.engine;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Parses and prints canonical stream label strings such as {@code {app="api", env="prod"}}, the
 * form the push route stores (names sorted, Go-style quoted values).
 */
public final class LabelSet {

  private LabelSet() {}

  public static SortedMap<String, String> parse(String text) {
    TreeMap<String, String> out = new TreeMap<>();
    int i = skipSpace(text, 0);
    if (i >= text.length() || text.charAt(i) != '{') {
      throw new IllegalArgumentException("not a label set: " + text);
    }
    i = skipSpace(text, i + 1);
    while (i < text.length() && text.charAt(i) != '}') {
      int nameStart = i;
      while (i < text.length() && text.charAt(i) != '=' && text.charAt(i) != ' ') {
        i++;
      }
      String name = text.substring(nameStart, i);
      i = skipSpace(text, i);
      if (i >= text.length() || text.charAt(i) != '=') {
        throw new IllegalArgumentException("expected '=' in " + text);
      }
      i = skipSpace(text, i + 1);
      StringBuilder value = new StringBuilder();
      i = readQuoted(text, i, value);
      out.put(name, value.toString());
      i = skipSpace(text, i);
      if (i < text.length() && text.charAt(i) == ',') {
        i = skipSpace(text, i + 1);
      }
    }
    return Collections.unmodifiableSortedMap(out);
  }

  private static int readQuoted(String text, int i, StringBuilder value) {
    if (i >= text.length() || text.charAt(i) != '"') {
      throw new IllegalArgumentException("expected '\"' in " + text);
    }
    i++;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < text.length()) {
        char n = text.charAt(++i);
        switch (n) {
          case 'n' -> value.append('\n');
          case 't' -> value.append('\t');
          case 'r' -> value.append('\r');
          case 'u' -> {
            value.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
            i += 4;
          }
          default -> value.append(n);
        }
      } else {
        value.append(c);
      }
      i++;
    }
    throw new IllegalArgumentException("unterminated value in " + text);
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /** {@code {a="1", b="2"}} with Go-style escaping of quotes, backslashes and control characters. */
  public static String print(Map<String, String> labels) {
    StringBuilder b = new StringBuilder("{");
    boolean first = true;
    for (Map.Entry<String, String> e : labels.entrySet()) {
      if (!first) {
        b.append(", ");
      }
      first = false;
      b.append(e.getKey()).append("=\"");
      for (char c : e.getValue().toCharArray()) {
        switch (c) {
          case '"' -> b.append("\\\"");
          case '\\' -> b.append("\\\\");
          case '\n' -> b.append("\\n");
          case '\t' -> b.append("\\t");
          case '\r' -> b.append("\\r");
          default -> b.append(c);
        }
      }
      b.append('"');
    }
    return b.append('}').toString();
  }
}
