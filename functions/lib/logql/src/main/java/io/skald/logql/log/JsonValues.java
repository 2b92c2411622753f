package io.skald.logql.log;

import io.skald.gocompat.Utf8;

/** Turns raw JSON value bytes into label values the way Loki's parsers do. */
final class JsonValues {
  private JsonValues() {}

  /**
   * A string body (quotes excluded) unescaped; "" when an escape is invalid, and invalid UTF-8 or
   * U+FFFD replaced by spaces, as Loki's {@code unescapeJSONString}.
   */
  static String string(byte[] b, int off, int end, ByteBuilder scratch) {
    boolean hasEscape = false;
    for (int i = off; i < end; i++) {
      if (b[i] == '\\') {
        hasEscape = true;
        break;
      }
    }
    if (!hasEscape) {
      return Utf8.decodeReplacingRuneErrors(b, off, end - off, ' ');
    }
    scratch.reset();
    if (!JsonUnescape.unescape(b, off, end, scratch)) {
      return "";
    }
    return Utf8.decodeReplacingRuneErrors(scratch.array(), 0, scratch.length(), ' ');
  }
}
