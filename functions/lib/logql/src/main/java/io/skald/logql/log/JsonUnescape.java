package io.skald.logql.log;

/** JSON string unescaping as grafana/jsonparser's {@code Unescape} does it. */
final class JsonUnescape {
  private JsonUnescape() {}

  /**
   * Appends the unescaped string body; false on an invalid escape (jsonparser's Unescape). Unpaired
   * surrogates become U+FFFD as in Go.
   */
  static boolean unescape(byte[] b, int off, int end, ByteBuilder out) {
    for (int i = off; i < end; i++) {
      byte c = b[i];
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (++i >= end) {
        return false;
      }
      switch (b[i]) {
        case '"' -> out.append((byte) '"');
        case '\\' -> out.append((byte) '\\');
        case '/' -> out.append((byte) '/');
        case 'b' -> out.append((byte) '\b');
        case 'f' -> out.append((byte) '\f');
        case 'n' -> out.append((byte) '\n');
        case 'r' -> out.append((byte) '\r');
        case 't' -> out.append((byte) '\t');
        case 'u' -> {
          int cp = Hex.hex4(b, i + 1, end);
          if (cp < 0) {
            return false;
          }
          i += 4;
          if (cp >= 0xd800 && cp <= 0xdfff) {
            int low =
                i + 2 < end && b[i + 1] == '\\' && b[i + 2] == 'u' ? Hex.hex4(b, i + 3, end) : -1;
            if (cp >= 0xdc00 || low < 0xdc00 || low > 0xdfff) {
              return false;
            }
            cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
            i += 6;
          }
          out.appendCodePoint(cp);
        }
        default -> {
          return false;
        }
      }
    }
    return true;
  }
}
