package io.skald.deletes;

/** Go string-literal escapes ({@code strconv.Unquote} rules), as LogQL strings use them. */
final class GoEscapes {

  private GoEscapes() {}

  /**
   * Decodes the escape that starts at {@code pos} (just after the backslash) into {@code out}.
   * Returns the position after it, or -1 if it is not a valid escape.
   */
  static int unescape(String s, int pos, StringBuilder out) {
    if (pos >= s.length()) {
      return -1;
    }
    char c = s.charAt(pos);
    switch (c) {
      case 'a' -> out.append('\u0007');
      case 'b' -> out.append('\b');
      case 'f' -> out.append('\f');
      case 'n' -> out.append('\n');
      case 'r' -> out.append('\r');
      case 't' -> out.append('\t');
      case 'v' -> out.append('\u000b');
      case '\\', '"' -> out.append(c);
      case 'x' -> {
        return hex(s, pos + 1, 2, out);
      }
      case 'u' -> {
        return hex(s, pos + 1, 4, out);
      }
      case 'U' -> {
        return hex(s, pos + 1, 8, out);
      }
      default -> {
        if (c >= '0' && c <= '7') {
          return octal(s, pos, out);
        }
        return -1;
      }
    }
    return pos + 1;
  }

  private static int hex(String s, int pos, int digits, StringBuilder out) {
    if (pos + digits > s.length()) {
      return -1;
    }
    int v;
    try {
      v = Integer.parseUnsignedInt(s.substring(pos, pos + digits), 16);
    } catch (NumberFormatException e) {
      return -1;
    }
    if (digits == 2) {
      // A \x escape is one raw byte in Go; only ASCII maps cleanly onto a Java string.
      if (v > 0x7f) {
        return -1;
      }
      out.append((char) v);
    } else {
      if (v > Character.MAX_CODE_POINT || (v >= 0xD800 && v <= 0xDFFF)) {
        return -1;
      }
      out.appendCodePoint(v);
    }
    return pos + digits;
  }

  private static int octal(String s, int pos, StringBuilder out) {
    if (pos + 3 > s.length()) {
      return -1;
    }
    int v = 0;
    for (int i = 0; i < 3; i++) {
      char d = s.charAt(pos + i);
      if (d < '0' || d > '7') {
        return -1;
      }
      v = v * 8 + (d - '0');
    }
    if (v > 0x7f) {
      return -1;
    }
    out.append((char) v);
    return pos + 3;
  }
}
