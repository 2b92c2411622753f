package io.skald.logql.log;

/**
 * {@code |> "<_> GET <_> 200"}: literals must appear in order, each {@code <_>} must cover at least
 * one byte, and the line must end where the pattern ends (after its last literal, or with a
 * non-empty tail for a trailing {@code <_>}). Mirrors Loki's {@code pattern.Test}.
 */
final class PatternLineMatcher implements LineMatcher {
  private final LiteralMatcher[] literals;
  private final int[] literalLengths;

  /** literalIndex[i] is the node index of literal i; 0 means the pattern starts with it. */
  private final int[] nodeIndex;

  private final boolean endsWithCapture;
  private final boolean empty;

  private PatternLineMatcher(PatternExpr expr) {
    int n = 0;
    for (PatternExpr.Node node : expr.nodes()) {
      n += node.isCapture() ? 0 : 1;
    }
    literals = new LiteralMatcher[n];
    literalLengths = new int[n];
    nodeIndex = new int[n];
    int k = 0;
    for (int i = 0; i < expr.nodes().size(); i++) {
      PatternExpr.Node node = expr.nodes().get(i);
      if (!node.isCapture()) {
        literals[k] = (LiteralMatcher) LiteralMatcher.of(node.literal());
        literalLengths[k] = node.literal().length;
        nodeIndex[k++] = i;
      }
    }
    empty = expr.nodes().isEmpty();
    endsWithCapture = !empty && expr.nodes().get(expr.nodes().size() - 1).isCapture();
  }

  static PatternLineMatcher of(String pattern) {
    PatternExpr expr = PatternExpr.parse(pattern);
    expr.requireNoConsecutiveCaptures();
    expr.requireNoNamedCaptures();
    return new PatternLineMatcher(expr);
  }

  @Override
  public boolean matches(LineBuffer line) {
    int len = line.length();
    if (len == 0 || empty) {
      return len == 0 && empty; // an empty line only matches an empty pattern
    }
    byte[] a = line.array();
    int start = line.offset();
    int off = 0;
    for (int k = 0; k < literals.length; k++) {
      int at = literals[k].indexOf(a, start + off, len - off);
      if (at < 0) {
        return false;
      }
      int j = at - start - off;
      if (nodeIndex[k] != 0 && j == 0) {
        return false; // an empty capture between two literals
      }
      off += j + literalLengths[k];
    }
    return endsWithCapture == (off != len);
  }
}
