package io.skald.storage;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Key segment ↔ file name. Non-ASCII, control characters and '%' are percent-encoded (UTF-8 bytes),
 * because the JVM maps file names through {@code sun.jnu.encoding}, which is ASCII under a POSIX/C
 * locale (common in containers and CI): unencoded, such keys would silently become '?'.
 */
final class FileNames {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private FileNames() {}

  static String encode(String segment) {
    StringBuilder out = new StringBuilder(segment.length());
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      int u = b & 0xFF;
      if (u < 0x20 || u >= 0x7F || u == '%') {
        out.append('%').append(HEX[u >> 4]).append(HEX[u & 0xF]);
      } else {
        out.append((char) u);
      }
    }
    return out.toString();
  }

  static String decode(String name) {
    if (name.indexOf('%') < 0) {
      return name;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      int hi = c == '%' && i + 2 < name.length() ? Character.digit(name.charAt(i + 1), 16) : -1;
      int lo = hi < 0 ? -1 : Character.digit(name.charAt(i + 2), 16);
      if (lo >= 0) {
        bytes.write(hi << 4 | lo);
        i += 2;
      } else {
        // not written by us (ASCII by construction); keep it readable rather than fail the listing
        byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(raw, 0, raw.length);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
