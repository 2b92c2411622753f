package io.skald.logql.log;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code | pattern "<ip> - <_> [<ts>] \"<method> <path>\""}: anchored at the line start, each
 * capture takes the text up to the next literal. As in Loki's matcher, when a literal is not found
 * the current capture takes the rest of the line and matching stops; a line that does not start
 * with the leading literal yields nothing.
 */
final class PatternParser implements Stage {
  private final byte[] leading;

  /**
   * For each capture after the leading literal: its name (null for {@code <_>}) and the literal
   * after it.
   */
  private final String[] names;

  private final LiteralMatcher[] following;
  private final int[] followingLengths;

  private PatternParser(
      byte[] leading, String[] names, LiteralMatcher[] following, int[] followingLengths) {
    this.leading = leading;
    this.names = names;
    this.following = following;
    this.followingLengths = followingLengths;
  }

  /**
   * @throws IllegalArgumentException with Loki's message for an invalid pattern
   */
  static PatternParser compile(String pattern) {
    PatternExpr expr = PatternExpr.parse(pattern);
    List<PatternExpr.Node> nodes = expr.nodes();
    Set<String> seen = new HashSet<>();
    for (PatternExpr.Node n : nodes) {
      if (n.isCapture() && !n.isUnnamed() && !seen.add(n.capture())) {
        throw new IllegalArgumentException(
            "duplicate capture name (" + n.capture() + "): invalid expression");
      }
    }
    if (seen.isEmpty()) {
      throw new IllegalArgumentException("at least one capture is required");
    }
    expr.requireNoConsecutiveCaptures();
    int i = 0;
    byte[] leading = null;
    if (!nodes.isEmpty() && !nodes.get(0).isCapture()) {
      leading = nodes.get(0).literal();
      i = 1;
    }
    List<String> names = new ArrayList<>();
    List<LiteralMatcher> following = new ArrayList<>();
    List<Integer> lengths = new ArrayList<>();
    for (; i < nodes.size(); i += 2) {
      PatternExpr.Node capture = nodes.get(i);
      names.add(capture.isUnnamed() ? null : capture.capture());
      byte[] lit = i + 1 < nodes.size() ? nodes.get(i + 1).literal() : null;
      following.add(lit == null ? null : (LiteralMatcher) LiteralMatcher.of(lit));
      lengths.add(lit == null ? 0 : lit.length);
    }
    return new PatternParser(
        leading,
        names.toArray(new String[0]),
        following.toArray(new LiteralMatcher[0]),
        lengths.stream().mapToInt(Integer::intValue).toArray());
  }

  @Override
  public boolean process(long timestampNanos, LineBuffer line, LabelsBuilder labels) {
    byte[] a = line.array();
    int pos = line.offset();
    int end = pos + line.length();
    if (pos == end) {
      return true;
    }
    if (leading != null) {
      if (end - pos < leading.length
          || !java.util.Arrays.equals(a, pos, pos + leading.length, leading, 0, leading.length)) {
        return true;
      }
      pos += leading.length;
    }
    for (int c = 0; c < names.length; c++) {
      LiteralMatcher lit = following[c];
      int at = lit == null ? -1 : lit.indexOf(a, pos, end - pos);
      int captureEnd = at < 0 ? end : at;
      if (names[c] != null) {
        set(labels, names[c], new String(a, pos, captureEnd - pos, StandardCharsets.UTF_8));
      }
      if (at < 0) {
        return true;
      }
      pos = at + followingLengths[c];
    }
    return true;
  }

  private static void set(LabelsBuilder labels, String captureName, String value) {
    String name = labels.parsedName(captureName);
    if (!labels.wasParsed(name)) {
      labels.set(LabelCategory.PARSED, name, value);
    }
  }
}
