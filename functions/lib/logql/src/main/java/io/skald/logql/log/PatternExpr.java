package io.skald.logql.log;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The pattern sub-language shared by {@code |> "..."} and {@code | pattern "..."}: literal text and
 * {@code <name>} captures, {@code <_>} being an unnamed one.
 */
record PatternExpr(List<Node> nodes) {
  /** A literal run ({@code bytes != null}) or a capture. */
  record Node(byte[] literal, String capture) {
    boolean isCapture() {
      return capture != null;
    }

    boolean isUnnamed() {
      return "_".equals(capture);
    }

    @Override
    public String toString() {
      return isCapture() ? "<" + capture + ">" : new String(literal, StandardCharsets.UTF_8);
    }
  }

  static PatternExpr parse(String pattern) {
    List<Node> nodes = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      int end = captureEnd(pattern, i);
      if (end > 0) {
        if (lit.length() > 0) {
          nodes.add(new Node(lit.toString().getBytes(StandardCharsets.UTF_8), null));
          lit.setLength(0);
        }
        nodes.add(new Node(null, pattern.substring(i + 1, end)));
        i = end + 1;
      } else {
        lit.append(pattern.charAt(i++));
      }
    }
    if (lit.length() > 0) {
      nodes.add(new Node(lit.toString().getBytes(StandardCharsets.UTF_8), null));
    }
    return new PatternExpr(List.copyOf(nodes));
  }

  /** Index of the '>' closing a capture starting at i, or -1. */
  private static int captureEnd(String s, int i) {
    if (s.charAt(i) != '<' || i + 1 >= s.length()) {
      return -1;
    }
    char first = s.charAt(i + 1);
    if (!(Character.isLetter(first) || first == '_')) {
      return -1;
    }
    for (int j = i + 2; j < s.length(); j++) {
      char c = s.charAt(j);
      if (c == '>') {
        return j;
      }
      if (!(Character.isLetterOrDigit(c) || c == '_')) {
        return -1;
      }
    }
    return -1;
  }

  void requireNoConsecutiveCaptures() {
    for (int i = 0; i + 1 < nodes.size(); i++) {
      if (nodes.get(i).isCapture() && nodes.get(i + 1).isCapture()) {
        throw new IllegalArgumentException(
            "found consecutive capture '"
                + nodes.get(i)
                + nodes.get(i + 1)
                + "': invalid expression");
      }
    }
  }

  void requireNoNamedCaptures() {
    for (Node n : nodes) {
      if (n.isCapture() && !n.isUnnamed()) {
        throw new IllegalArgumentException("named captures are not allowed: found '" + n + "'");
      }
    }
  }
}
