package io.skald.logql.log;

import io.skald.gocompat.Utf8;
import java.nio.charset.StandardCharsets;

/**
 * Turns extracted keys into label names the way Loki's parsers do: surrounding whitespace is
 * trimmed, every character outside {@code [a-zA-Z0-9_]} becomes {@code _} (one per code point) and
 * a leading digit gets a {@code _} prefix.
 */
final class LabelNames {
  private LabelNames() {}

  static boolean isNameByte(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  /** The sanitised name, or "" when nothing is left after trimming. */
  static String sanitize(String key) {
    byte[] b = key.getBytes(StandardCharsets.UTF_8);
    ByteBuilder out = new ByteBuilder(b.length + 1);
    append(out, b, 0, b.length, true);
    return out.toString();
  }

  /**
   * Appends the sanitised key; {@code atStart} says whether a leading digit needs the {@code _}
   * prefix (only at the very start of a flattened name).
   *
   * @return whether anything was appended (false for blank keys)
   */
  static boolean append(ByteBuilder out, byte[] b, int off, int len, boolean atStart) {
    int start = off;
    int end = off + len;
    while (start < end && isSpace(b[start])) {
      start++;
    }
    while (end > start && isSpace(b[end - 1])) {
      end--;
    }
    if (start == end) {
      return false;
    }
    if (atStart && b[start] >= '0' && b[start] <= '9') {
      out.append((byte) '_');
    }
    for (int i = start; i < end; ) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        out.append(isNameByte(c) ? (byte) c : (byte) '_');
        i++;
      } else {
        out.append((byte) '_');
        i += Utf8.sequenceLength(b, i, end);
      }
    }
    return true;
  }

  /** Go's unicode.IsSpace for the ASCII range plus NEL and NBSP's lead bytes are not trimmed. */
  private static boolean isSpace(byte c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == '\f';
  }
}
