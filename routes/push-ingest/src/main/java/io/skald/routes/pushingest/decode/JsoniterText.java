package io.skald.routes.pushingest.decode;

import io.skald.routes.pushingest.PushException;
import java.nio.charset.StandardCharsets;

/**
 * Builds decode-error texts in the shape Loki's JSON decoder (json-iterator) produces: {@code
 * <path>: <operation>: <message>, error found in #N byte of ...|peek|..., bigger context
 * ...|ctx|...}. json-iterator reads the body in 512-byte windows, so the quoted context never
 * crosses a window.
 */
final class JsoniterText {
  static final String MALFORMED_STRING = "Value is string, but can't find closing '\"' symbol";
  static final String MALFORMED_ARRAY = "Value is array, but can't find closing ']' symbol";
  static final String MALFORMED_OBJECT =
      "Value looks like object, but can't find closing '}' symbol";
  static final String MALFORMED_VALUE =
      "Value looks like Number/Boolean/None, but can't find its end: ',' or '}' symbol";
  static final String OVERFLOW_INTEGER = "Value is number, but overflowed while parsing";

  private static final int WINDOW = 512;

  private JsoniterText() {}

  /**
   * A 400 whose text is {@code operation: message} plus the context at {@code head} (the body
   * offset just after the last byte the decoder consumed), prefixed with {@code path}.
   */
  static PushException error(
      String path, String operation, String message, byte[] body, long head) {
    return new PushException(400, path + operation + ": " + message + context(body, head));
  }

  static String context(byte[] body, long head) {
    int h = (int) Math.max(0, Math.min(head, body.length));
    int windowStart = h == 0 ? 0 : ((h - 1) / WINDOW) * WINDOW;
    int windowEnd = Math.min(windowStart + WINDOW, body.length);
    int peekStart = Math.max(windowStart, h - 10);
    int peekEnd = Math.min(windowEnd, h + 10);
    int ctxStart = Math.max(windowStart, h - 50);
    int ctxEnd = Math.min(windowEnd, h + 50);
    return ", error found in #"
        + (h - peekStart)
        + " byte of ...|"
        + text(body, peekStart, peekEnd)
        + "|..., bigger context ...|"
        + text(body, ctxStart, ctxEnd)
        + "|...";
  }

  /** The byte as Go's {@code string([]byte{c})} would print it. */
  static String found(byte[] body, long offset) {
    return offset >= 0 && offset < body.length
        ? text(body, (int) offset, (int) offset + 1)
        : "\u0000";
  }

  private static String text(byte[] body, int from, int to) {
    return new String(body, from, Math.max(0, to - from), StandardCharsets.UTF_8);
  }
}
