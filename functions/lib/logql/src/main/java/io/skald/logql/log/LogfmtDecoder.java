package io.skald.logql.log;

import io.skald.gocompat.Utf8;

/**
 * A logfmt tokenizer over bytes with go-logfmt's lenient rules (as vendored by Loki): bare keys are
 * allowed, a bad pair is skipped up to the next space and recorded as the error, quoted values use
 * JSON escapes plus {@code \'}. Reused per stream; no allocation except for quoted values with
 * escapes.
 */
final class LogfmtDecoder {
  private byte[] b;
  private int pos;
  private int end;
  private int base;

  int keyOff;
  int keyLen;

  /** The value is in {@link #valueArray}: the line, or the unquote buffer. */
  byte[] valueArray;

  int valueOff;
  int valueLen;
  String error;
  private final ByteBuilder unquoted = new ByteBuilder(64);

  void reset(byte[] b, int off, int len) {
    this.b = b;
    this.base = off;
    this.pos = off;
    this.end = off + len;
    this.error = null;
  }

  boolean eol() {
    return pos >= end;
  }

  /** Advances to the next pair; false when it is malformed or only spaces remain. */
  boolean scanKeyval() {
    keyLen = -1;
    valueArray = b;
    valueOff = 0;
    valueLen = 0;
    while (pos < end && (b[pos] & 0xff) <= ' ') {
      pos++;
    }
    if (pos >= end) {
      return false;
    }
    int start = pos;
    boolean multibyte = false;
    for (; pos < end; pos++) {
      int c = b[pos] & 0xff;
      if (c == '=') {
        if (pos == start) {
          unexpected(c);
          return skipValue();
        }
        keyOff = start;
        keyLen = pos - start;
        if (multibyte && Utf8.hasRuneError(b, keyOff, keyLen)) {
          syntaxError("invalid key");
          return skipValue();
        }
        return value();
      }
      if (c == '"') {
        unexpected(c);
        return skipValue();
      }
      if (c <= ' ') {
        return bareKey(start, multibyte);
      }
      multibyte |= c >= 0x80;
    }
    return bareKey(start, multibyte);
  }

  private boolean bareKey(int start, boolean multibyte) {
    keyOff = start;
    keyLen = pos - start;
    if (multibyte && Utf8.hasRuneError(b, keyOff, keyLen)) {
      syntaxError("invalid key");
      return false;
    }
    return true;
  }

  private boolean value() {
    pos++; // '='
    if (pos >= end || (b[pos] & 0xff) <= ' ') {
      return true;
    }
    if (b[pos] == '"') {
      return quotedValue();
    }
    int start = pos;
    for (; pos < end; pos++) {
      int c = b[pos] & 0xff;
      if (c == '=' || c == '"') {
        unexpected(c);
        return skipValue();
      }
      if (c <= ' ') {
        break;
      }
    }
    valueOff = start;
    valueLen = pos - start;
    return true;
  }

  private boolean quotedValue() {
    int start = pos;
    boolean hasEscape = false;
    boolean esc = false;
    for (int p = pos + 1; p < end; p++) {
      byte c = b[p];
      if (esc) {
        esc = false;
      } else if (c == '\\') {
        hasEscape = true;
        esc = true;
      } else if (c == '"') {
        pos = p + 1;
        if (!hasEscape) {
          valueOff = start + 1;
          valueLen = p - start - 1;
          return true;
        }
        unquoted.reset();
        if (!LogfmtUnquote.unquote(b, start + 1, p, unquoted)) {
          syntaxError("invalid quoted value");
          return false;
        }
        valueArray = unquoted.array();
        valueOff = 0;
        valueLen = unquoted.length();
        return true;
      }
    }
    pos = end;
    syntaxError("unterminated quoted value");
    return false;
  }

  private boolean skipValue() {
    while (pos < end && (b[pos] & 0xff) > ' ') {
      pos++;
    }
    return false;
  }

  private void unexpected(int c) {
    error = "logfmt syntax error at pos " + (pos - base + 1) + " : unexpected '" + (char) c + "'";
  }

  private void syntaxError(String msg) {
    error = "logfmt syntax error at pos " + (pos - base + 1) + " : " + msg;
  }
}
