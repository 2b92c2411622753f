package io.skald.logql.log;

/**
 * {@code |~ "(?i)literal"} for ASCII literals without a regex engine: scans for either case of the
 * first byte, then compares with ASCII folding. Non-ASCII literals need Unicode folding and go to
 * {@link RegexLineMatcher} instead.
 *
 * <p>Two ASCII letters fold to non-ASCII characters too: k to the Kelvin sign U+212A and s to the
 * long s U+017F (RE2's simple folding, as Go's). A literal with k or s still takes the fast scan;
 * only a line the scan rejects and that holds the UTF-8 lead byte of one of those two characters
 * goes to the regex engine, so ordinary lines never pay for it.
 */
final class CaseInsensitiveLiteralMatcher implements LineMatcher {
  /** UTF-8 lead bytes of U+017F (C5 BF) and U+212A (E2 84 AA). */
  private static final byte LONG_S_LEAD = (byte) 0xC5;

  private static final byte KELVIN_LEAD = (byte) 0xE2;

  private final byte[] lower;
  private final byte firstLower;
  private final byte firstUpper;

  /** The regex engine for lines that may hold a non-ASCII fold; null when none can match. */
  private final LineMatcher unicodeFolds;

  private CaseInsensitiveLiteralMatcher(byte[] lower, LineMatcher unicodeFolds) {
    this.lower = lower;
    this.firstLower = lower[0];
    this.firstUpper = upper(lower[0]);
    this.unicodeFolds = unicodeFolds;
  }

  /** Null if the literal is not pure ASCII. */
  static LineMatcher ofAscii(String literal) {
    if (literal.isEmpty()) {
      return ALWAYS;
    }
    byte[] b = new byte[literal.length()];
    boolean foldsBeyondAscii = false;
    for (int i = 0; i < b.length; i++) {
      char c = literal.charAt(i);
      if (c >= 0x80) {
        return null;
      }
      foldsBeyondAscii |= c == 'k' || c == 'K' || c == 's' || c == 'S';
      b[i] = lower((byte) c);
    }
    return new CaseInsensitiveLiteralMatcher(
        b, foldsBeyondAscii ? RegexLineMatcher.engine("(?i)" + quote(literal)) : null);
  }

  /** The literal as RE2 syntax (ASCII only here): every punctuation character escaped. */
  private static String quote(String literal) {
    StringBuilder out = new StringBuilder(literal.length() * 2);
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c > ' ' && c < 0x7f && !Character.isLetterOrDigit(c) && c != '_') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static byte lower(byte c) {
    return c >= 'A' && c <= 'Z' ? (byte) (c + 32) : c;
  }

  private static byte upper(byte c) {
    return c >= 'a' && c <= 'z' ? (byte) (c - 32) : c;
  }

  @Override
  public boolean matches(LineBuffer line) {
    if (scan(line)) {
      return true;
    }
    return unicodeFolds != null && mayHoldNonAsciiFold(line) && unicodeFolds.matches(line);
  }

  private static boolean mayHoldNonAsciiFold(LineBuffer line) {
    byte[] hay = line.array();
    int end = line.offset() + line.length();
    for (int i = line.offset(); i < end; i++) {
      if (hay[i] == LONG_S_LEAD || hay[i] == KELVIN_LEAD) {
        return true;
      }
    }
    return false;
  }

  private boolean scan(LineBuffer line) {
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
