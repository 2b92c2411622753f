package io.skald.logql.log;

/**
 * {@code |~ "(?i)literal"} for ASCII literals without a regex engine: scans for either case of the
 * first byte, then compares with ASCII folding. Non-ASCII literals need Unicode folding and go to
 * {@link RegexLineMatcher} instead.
 */
final class CaseInsensitiveLiteralMatcher implements LineMatcher {
  private final byte[] lower;
  private final byte firstLower;
  private final byte firstUpper;

  private CaseInsensitiveLiteralMatcher(byte[] lower) {
    this.lower = lower;
    this.firstLower = lower[0];
    this.firstUpper = upper(lower[0]);
  }

  /**
   * Null if the literal is not pure ASCII or contains k/s, whose Unicode case folds (Kelvin sign,
   * long s) are not ASCII.
   */
  static LineMatcher ofAscii(String literal) {
    if (literal.isEmpty()) {
      return ALWAYS;
    }
    byte[] b = new byte[literal.length()];
    for (int i = 0; i < b.length; i++) {
      char c = literal.charAt(i);
      if (c >= 0x80 || c == 'k' || c == 'K' || c == 's' || c == 'S') {
        return null;
      }
      b[i] = lower((byte) c);
    }
    return new CaseInsensitiveLiteralMatcher(b);
  }

  private static byte lower(byte c) {
    return c >= 'A' && c <= 'Z' ? (byte) (c + 32) : c;
  }

  private static byte upper(byte c) {
    return c >= 'a' && c <= 'z' ? (byte) (c - 32) : c;
  }

  @Override
  public boolean matches(LineBuffer line) {
    byte[] hay = line.array();
    int n = lower.length;
    int last = line.offset() + line.length() - n;
    for (int i = line.offset(); i <= last; i++) {
      byte c = hay[i];
      if (c != firstLower && c != firstUpper) {
        continue;
      }
      int j = 1;
      while (j < n && lower(hay[i + j]) == lower[j]) {
        j++;
      }
      if (j == n) {
        return true;
      }
    }
    return false;
  }
}
