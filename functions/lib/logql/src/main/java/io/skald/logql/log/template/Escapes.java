package io.skald.logql.log.template;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Go's net/url QueryEscape / QueryUnescape. */
final class Escapes {
  private Escapes() {}

  static String queryEscape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        sb.append((char) c);
      } else if (c == ' ') {
        sb.append('+');
      } else {
        sb.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return sb.toString();
  }

  /**
   * @throws IllegalArgumentException {@code invalid URL escape "%zz"} as Go reports it
   */
  static String queryUnescape(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '%') {
        if (i + 2 >= b.length
            || Character.digit(b[i + 1], 16) < 0
            || Character.digit(b[i + 2], 16) < 0) {
          String bad = new String(b, i, Math.min(3, b.length - i), StandardCharsets.UTF_8);
          throw new IllegalArgumentException("invalid URL escape \"" + bad + "\"");
        }
        out.write(Character.digit(b[i + 1], 16) << 4 | Character.digit(b[i + 2], 16));
        i += 2;
      } else if (b[i] == '+') {
        out.write(' ');
      } else {
        out.write(b[i]);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
