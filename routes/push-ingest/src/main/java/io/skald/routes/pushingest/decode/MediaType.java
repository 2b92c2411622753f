package io.skald.routes.pushingest.decode;

import io.skald.routes.pushingest.PushException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Go's {@code mime.ParseMediaType}, reduced to what the push handler needs: the lower-cased media
 * type, and the same errors (all 400 with Go's text). Loki treats every type other than {@code
 * application/json} as protobuf, but a header that does not parse fails the request.
 */
final class MediaType {
  private static final String TSPECIALS = "()<>@,;:\\\"/[]?=";

  private MediaType() {}

  /** Returns the media type (lower case, without parameters) or throws PushException 400. */
  static String parse(String header) {
    String v = header == null ? "" : header;
    int semi = v.indexOf(';');
    String base = semi < 0 ? v : v.substring(0, semi);
    String mediaType = base.toLowerCase(Locale.ROOT).strip();
    checkMediaType(mediaType);
    parseParams(v.substring(base.length()));
    return mediaType;
  }

  private static void checkMediaType(String s) {
    int typeEnd = tokenEnd(s, 0);
    if (typeEnd == 0) {
      throw bad("mime: no media type");
    }
    if (typeEnd == s.length()) {
      return;
    }
    if (s.charAt(typeEnd) != '/') {
      throw bad("mime: expected slash after first token");
    }
    int subEnd = tokenEnd(s, typeEnd + 1);
    if (subEnd == typeEnd + 1) {
      throw bad("mime: expected token after slash");
    }
    if (subEnd != s.length()) {
      throw bad("mime: unexpected content after media subtype");
    }
  }

  private static void parseParams(String v) {
    Map<String, String> params = new HashMap<>();
    int i = 0;
    while (true) {
      i = skipSpace(v, i);
      if (i >= v.length()) {
        return;
      }
      int[] end = new int[1];
      String[] kv = consumeParam(v, i, end);
      if (kv == null) {
        if (v.substring(i).strip().equals(";")) {
          return; // a trailing semicolon is fine
        }
        throw bad("mime: invalid media parameter");
      }
      String previous = params.putIfAbsent(kv[0], kv[1]);
      if (previous != null && !previous.equals(kv[1])) {
        throw bad("mime: duplicate parameter name");
      }
      i = end[0];
    }
  }

  /**
   * {@code ; name = value}; returns null on a syntax error, else {name, value} and the end index.
   */
  private static String[] consumeParam(String v, int start, int[] end) {
    int i = skipSpace(v, start);
    if (i >= v.length() || v.charAt(i) != ';') {
      return null;
    }
    i = skipSpace(v, i + 1);
    int nameEnd = tokenEnd(v, i);
    if (nameEnd == i) {
      return null;
    }
    String name = v.substring(i, nameEnd).toLowerCase(Locale.ROOT);
    i = skipSpace(v, nameEnd);
    if (i >= v.length() || v.charAt(i) != '=') {
      return null;
    }
    i = skipSpace(v, i + 1);
    if (i < v.length() && v.charAt(i) == '"') {
      StringBuilder value = new StringBuilder();
      for (int j = i + 1; j < v.length(); j++) {
        char c = v.charAt(j);
        if (c == '"') {
          end[0] = j + 1;
          return new String[] {name, value.toString()};
        }
        if (c == '\\' && j + 1 < v.length() && TSPECIALS.indexOf(v.charAt(j + 1)) >= 0) {
          c = v.charAt(++j);
        } else if (c == '\r' || c == '\n') {
          return null;
        }
        value.append(c);
      }
      return null; // unterminated quoted string
    }
    int valueEnd = tokenEnd(v, i);
    if (valueEnd == i) {
      return null;
    }
    end[0] = valueEnd;
    return new String[] {name, v.substring(i, valueEnd)};
  }

  private static int tokenEnd(String s, int from) {
    int i = from;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c <= 0x20 || c >= 0x7F || TSPECIALS.indexOf(c) >= 0) {
        break;
      }
      i++;
    }
    return i;
  }

  private static int skipSpace(String s, int from) {
    int i = from;
    while (i < s.length() && isGoSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Go's {@code unicode.IsSpace}. */
  private static boolean isGoSpace(char c) {
    return c == ' '
        || (c >= '\t' && c <= '\r')
        || c == 0x85
        || c == 0xA0
        || (c > 0xFF && Character.isSpaceChar(c));
  }

  private static PushException bad(String message) {
    return new PushException(400, message);
  }
}
