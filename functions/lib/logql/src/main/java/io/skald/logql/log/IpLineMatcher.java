package io.skald.logql.log;

/**
 * {@code |= ip("...")}: finds IPv4/IPv6 candidates in the line by cheap hints and tests each
 * against the pattern. Candidates are maximal runs of address characters, as in Loki, so {@code
 * "10.0.0.1."} is not an address.
 */
final class IpLineMatcher implements LineMatcher {
  private static final boolean[] V4 = charset("0123456789.");
  private static final boolean[] V6 = charset("0123456789abcdefABCDEF:.");

  private final IpPattern pattern;
  private final IpAddr scratch = new IpAddr();

  IpLineMatcher(IpPattern pattern) {
    this.pattern = pattern;
  }

  private static boolean[] charset(String s) {
    boolean[] set = new boolean[256];
    for (char c : s.toCharArray()) {
      set[c] = true;
    }
    return set;
  }

  @Override
  public boolean matches(LineBuffer line) {
    byte[] b = line.array();
    int off = line.offset();
    int n = line.length();
    for (int i = 0; i < n; i++) {
      boolean[] set = null;
      if (i + 3 < n && ipv4Hint(b, off + i)) {
        set = V4;
      } else if (ipv6Hint(b, off + i, off + n)) {
        set = V6;
      }
      if (set == null) {
        continue;
      }
      int len = span(b, off + i, off + n, set);
      if (scratch.parse(b, off + i, len) && pattern.contains(scratch)) {
        return true;
      }
      i += len; // the loop's i++ skips the delimiter too, as Loki does
    }
    return false;
  }

  private static int span(byte[] b, int from, int end, boolean[] set) {
    int i = from;
    while (i < end && set[b[i] & 0xff]) {
      i++;
    }
    return i - from;
  }

  private static boolean digit(byte c) {
    return c >= '0' && c <= '9';
  }

  private static boolean ipv4Hint(byte[] b, int i) {
    return digit(b[i]) && (b[i + 1] == '.' || b[i + 2] == '.' || b[i + 3] == '.');
  }

  private static boolean ipv6Hint(byte[] b, int i, int end) {
    byte c0 = at(b, i, end);
    byte c1 = at(b, i + 1, end);
    byte c2 = at(b, i + 2, end);
    byte c3 = at(b, i + 3, end);
    byte c4 = at(b, i + 4, end);
    return (c0 == ':' && c1 == ':' && hex(c2))
        || (hex(c0) && c1 == ':')
        || (hex(c0) && hex(c1) && c2 == ':')
        || (hex(c0) && hex(c1) && hex(c2) && c3 == ':')
        || (hex(c0) && hex(c1) && hex(c2) && hex(c3) && c4 == ':');
  }

  private static byte at(byte[] b, int i, int end) {
    return i < end ? b[i] : 0;
  }

  private static boolean hex(byte c) {
    return IpAddr.hex(c) >= 0;
  }

  @Override
  public LineMatcher forStream() {
    return new IpLineMatcher(pattern);
  }
}
