package io.skald.logql.log;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer reused across lines (no per-line allocation once warmed up). */
final class ByteBuilder {
  private byte[] buf;
  private int len;

  ByteBuilder(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  void reset() {
    len = 0;
  }

  void setLength(int n) {
    len = n;
  }

  int length() {
    return len;
  }

  byte[] array() {
    return buf;
  }

  void append(byte b) {
    if (len == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    buf[len++] = b;
  }

  void append(byte[] b, int off, int n) {
    ensure(n);
    System.arraycopy(b, off, buf, len, n);
    len += n;
  }

  void append(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    append(b, 0, b.length);
  }

  void appendCodePoint(int cp) {
    ensure(4);
    if (cp < 0x80) {
      buf[len++] = (byte) cp;
    } else if (cp < 0x800) {
      buf[len++] = (byte) (0xc0 | (cp >> 6));
      buf[len++] = (byte) (0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      buf[len++] = (byte) (0xe0 | (cp >> 12));
      buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
      buf[len++] = (byte) (0x80 | (cp & 0x3f));
    } else {
      buf[len++] = (byte) (0xf0 | (cp >> 18));
      buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
      buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
      buf[len++] = (byte) (0x80 | (cp & 0x3f));
    }
  }

  private void ensure(int n) {
    if (len + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
    }
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  @Override
  public String toString() {
    return new String(buf, 0, len, StandardCharsets.UTF_8);
  }
}
