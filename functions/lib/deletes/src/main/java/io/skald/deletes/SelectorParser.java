package io.skald.deletes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small cursor parser for the parts of LogQL the compactor needs: a stream selector
 * {@code {a="b", c=~"x"}}, string literals (Go-style double quotes or back-quoted raw strings) and
 * operator tokens. The deletion package continues from where {@link #selector()} stopped to read
 * line filters. Errors are {@link IllegalArgumentException}s with a position.
 */
public final class SelectorParser {

  private final String text;
  private int pos;

  public SelectorParser(String text) {
    this.text = text;
  }

  /** Parses exactly one selector with only label matchers, nothing before or after it. */
  public static List<LabelMatcher> parseSelector(String text) {
    SelectorParser p = new SelectorParser(text);
    List<LabelMatcher> matchers = p.selector();
    if (!p.atEnd()) {
      throw p.error("only label matchers are supported");
    }
    return matchers;
  }

  /** Parses a canonical stream labels string such as {@code {app="api", env="prod"}}. */
  public static Map<String, String> parseLabels(String labels) {
    Map<String, String> out = new LinkedHashMap<>();
    for (LabelMatcher m : parseSelector(labels)) {
      if (m.type() != LabelMatcher.Type.EQ) {
        throw new IllegalArgumentException("not a label set: " + labels);
      }
      out.put(m.name(), m.value());
    }
    return out;
  }

  /** {@code {} matcher (, matcher)* {@code }}; at least one matcher, as LogQL requires. */
  public List<LabelMatcher> selector() {
    skipSpace();
    expect("{");
    List<LabelMatcher> out = new ArrayList<>();
    do {
      skipSpace();
      String name = identifier();
      skipSpace();
      LabelMatcher.Type type = matcherType();
      skipSpace();
      String value = string();
      try {
        out.add(new LabelMatcher(name, type, value));
      } catch (IllegalArgumentException e) {
        throw error(e.getMessage());
      }
      skipSpace();
    } while (consume(","));
    expect("}");
    skipSpace();
    return out;
  }

  public boolean atEnd() {
    skipSpace();
    return pos >= text.length();
  }

  /** Consumes {@code token} if the input continues with it (after white space). */
  public boolean consume(String token) {
    skipSpace();
    if (text.startsWith(token, pos)) {
      pos += token.length();
      return true;
    }
    return false;
  }

  /** Consumes a keyword only when it is not the prefix of a longer identifier. */
  public boolean consumeWord(String word) {
    skipSpace();
    int end = pos + word.length();
    if (text.startsWith(word, pos) && (end >= text.length() || !isIdentPart(text.charAt(end)))) {
      pos = end;
      return true;
    }
    return false;
  }

  /** A double-quoted string with Go escapes, or a back-quoted raw string. */
  public String string() {
    skipSpace();
    if (pos >= text.length()) {
      throw error("expected a string");
    }
    char q = text.charAt(pos);
    if (q == '`') {
      int end = text.indexOf('`', pos + 1);
      if (end < 0) {
        throw error("unterminated raw string");
      }
      String s = text.substring(pos + 1, end);
      pos = end + 1;
      return s;
    }
    if (q != '"') {
      throw error("expected a string");
    }
    pos++;
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c == '\n') {
        throw error("newline in string");
      }
      if (c != '\\') {
        sb.append(c);
      } else {
        pos = GoEscapes.unescape(text, pos, sb);
        if (pos < 0) {
          throw error("invalid escape in string");
        }
      }
    }
  }

  public IllegalArgumentException error(String message) {
    return new IllegalArgumentException("parse error at position " + (pos + 1) + ": " + message);
  }

  private String identifier() {
    int start = pos;
    if (pos < text.length() && isIdentStart(text.charAt(pos))) {
      pos++;
      while (pos < text.length() && isIdentPart(text.charAt(pos))) {
        pos++;
      }
    }
    if (start == pos) {
      throw error("expected a label name");
    }
    return text.substring(start, pos);
  }

  private LabelMatcher.Type matcherType() {
    if (consume("=~")) {
      return LabelMatcher.Type.RE;
    }
    if (consume("!~")) {
      return LabelMatcher.Type.NRE;
    }
    if (consume("!=")) {
      return LabelMatcher.Type.NEQ;
    }
    if (consume("=")) {
      return LabelMatcher.Type.EQ;
    }
    throw error("expected one of =, !=, =~, !~");
  }

  private void expect(String token) {
    if (!consume(token)) {
      throw error("expected " + token);
    }
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private static boolean isIdentStart(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isIdentPart(char c) {
    return isIdentStart(c) || (c >= '0' && c <= '9');
  }

  /** The value as a LogQL double-quoted string literal. */
  public static String quote(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
