package io.skald.logql.log;

import io.skald.gocompat.Utf8;

/**
 * Unquotes a logfmt quoted value body: JSON escapes plus {@code \'}; invalid UTF-8 becomes U+FFFD
 * and a broken surrogate pair U+FFFD, as Go's encoding/json-derived unquote does.
 */
final class LogfmtUnquote {
  private LogfmtUnquote() {}

  /** Appends the unquoted body [off, end); false when an escape is invalid. */
  static boolean unquote(byte[] b, int off, int end, ByteBuilder out) {
    for (int i = off; i < end; ) {
      byte c = b[i];
      if (c == '"') {
        return false;
      }
      if (c != '\\') {
        int n = Utf8.sequenceLength(b, i, end);
        if (n == 1 && c < 0) {
          out.appendCodePoint(0xfffd);
        } else {
          out.append(b, i, n);
        }
        i += n;
        continue;
      }
      if (++i >= end) {
        return false;
      }
      byte e = b[i++];
      switch (e) {
        case '"', '\\', '/', '\'' -> out.append(e);
        case 'b' -> out.append((byte) '\b');
        case 'f' -> out.append((byte) '\f');
        case 'n' -> out.append((byte) '\n');
        case 'r' -> out.append((byte) '\r');
        case 't' -> out.append((byte) '\t');
        case 'u' -> {
          int r = Hex.hex4(b, i, end);
          if (r < 0) {
            return false;
          }
          i += 4;
          if (r >= 0xd800 && r < 0xe000) {
            int r2 = i + 1 < end && b[i] == '\\' && b[i + 1] == 'u' ? Hex.hex4(b, i + 2, end) : -1;
            if (r < 0xdc00 && r2 >= 0xdc00 && r2 < 0xe000) {
              r = 0x10000 + ((r - 0xd800) << 10) + (r2 - 0xdc00);
              i += 6;
            } else {
              r = 0xfffd;
            }
          }
          out.appendCodePoint(r);
        }
        default -> {
          return false;
        }
      }
    }
    return true;
  }
}
