package io.skald.routes.pushingest.decode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamReadException;
import io.skald.routes.pushingest.PushException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Shared pieces of the two JSON dialects: parser factory, root handling, offsets and generic
 * errors.
 */
final class JsonSupport {
  static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxStringLength(Integer.MAX_VALUE)
                  .maxNestingDepth(10_000)
                  .maxNameLength(Integer.MAX_VALUE)
                  .build())
          .build();

  /** What the root of the body turned out to be. */
  enum Root {
    OBJECT,
    NULL
  }

  private JsonSupport() {}

  /**
   * Checks the first value of the body as json-iterator's {@code readObjectStart} does: only an
   * object or {@code null} is a valid request. Empty bodies fail with {@code EOF}.
   */
  static Root root(byte[] body) {
    int i = 0;
    while (i < body.length && isSpace(body[i])) {
      i++;
    }
    if (i == body.length) {
      throw new PushException(400, "EOF");
    }
    byte c = body[i];
    if (c == '{') {
      return Root.OBJECT;
    }
    if (c == 'n') {
      byte[] ull = {'u', 'l', 'l'};
      for (int k = 0; k < 3; k++) {
        int at = i + 1 + k;
        if (at >= body.length || body[at] != ull[k]) {
          throw JsoniterText.error(
              "", "skipThreeBytes", "expect ull", body, Math.min(at + 1, body.length));
        }
      }
      return Root.NULL;
    }
    throw JsoniterText.error(
        "",
        "readObjectStart",
        "expect { or n, but found " + JsoniterText.found(body, i),
        body,
        i + 1);
  }

  static JsonParser open(byte[] body) throws IOException {
    return FACTORY.createParser(body);
  }

  /**
   * Go's JSON decoders pass invalid UTF-8 through, Jackson refuses it. A body that fails for that
   * reason is decoded again with invalid sequences replaced by U+FFFD.
   */
  static boolean isInvalidUtf8(IOException e) {
    return e instanceof StreamReadException sre
        && sre.getOriginalMessage() != null
        && sre.getOriginalMessage().startsWith("Invalid UTF-8");
  }

  static byte[] sanitizeUtf8(byte[] body) {
    return new String(body, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
  }

  /** Body offset of the first byte of the current token. */
  static long tokenStart(JsonParser p) {
    return p.currentTokenLocation().getByteOffset();
  }

  /** Body offset just after the current token (strings are finished first). */
  static long tokenEnd(JsonParser p) throws IOException {
    p.finishToken();
    return p.currentLocation().getByteOffset();
  }

  /** Skips the current value (scalar, object or array) and returns the offset just after it. */
  static long skipValue(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
      p.skipChildren();
      return p.currentLocation().getByteOffset();
    }
    return tokenEnd(p);
  }

  /** The raw text of the current value, as Go's jsonparser hands it to a callback. */
  static String rawValue(JsonParser p, byte[] body) throws IOException {
    long start = tokenStart(p);
    long end = skipValue(p);
    return new String(body, (int) start, (int) (end - start), StandardCharsets.UTF_8);
  }

  /** jsonparser's value-type names (used in one of Loki's texts). */
  static String goTypeName(JsonToken t) {
    return switch (t) {
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
      case START_OBJECT -> "object";
      case START_ARRAY -> "array";
      case VALUE_TRUE, VALUE_FALSE -> "boolean";
      case VALUE_NULL -> "null";
      default -> "unknown";
    };
  }

  /** A syntax error that the dialect parsers do not model more precisely. */
  static PushException syntaxError(String path, IOException e, byte[] body) {
    long head = body.length;
    String message = e.getMessage();
    if (e instanceof StreamReadException sre) {
      message = sre.getOriginalMessage();
      if (sre.getLocation() != null && sre.getLocation().getByteOffset() >= 0) {
        head = sre.getLocation().getByteOffset();
      }
    }
    if (message != null) {
      message = message.replace('\n', ' ');
    }
    return JsoniterText.error(path, "ReadObject", "invalid JSON: " + message, body, head);
  }

  static boolean isSpace(byte c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
  }
}
