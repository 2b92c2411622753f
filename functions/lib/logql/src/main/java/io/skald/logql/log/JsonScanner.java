package io.skald.logql.log;

/**
 * A lenient, allocation-free JSON scanner over bytes with the behaviour (and error texts) of the
 * grafana/jsonparser library that Loki's {@code json} and {@code unpack} stages use: objects are
 * walked field by field, nested containers are skipped by bracket counting, and scalars end at the
 * next delimiter without being validated further. Loki's error details therefore come out
 * identical.
 */
final class JsonScanner {
  static final int STRING = 1;
  static final int NUMBER = 2;
  static final int OBJECT = 3;
  static final int ARRAY = 4;
  static final int BOOLEAN = 5;
  static final int NULL = 6;

  static final String MALFORMED_JSON = "Malformed JSON error";
  static final String MALFORMED_STRING = "Value is string, but can't find closing '\"' symbol";
  static final String MALFORMED_ARRAY = "Value is array, but can't find closing ']' symbol";
  static final String MALFORMED_OBJECT =
      "Value looks like object, but can't find closing '}' symbol";
  static final String UNKNOWN_VALUE_TYPE = "Unknown value type";
  static final String MALFORMED_ESCAPE = "Encountered an invalid escape sequence in a string";

  /** Receives the fields of an object; returning non-null aborts the walk with that error. */
  interface FieldVisitor {
    String field(
        byte[] b, int keyOff, int keyLen, boolean keyEscaped, int valOff, int valEnd, int type);
  }

  // Results of the last scalar/type scan, to avoid allocating a result object.
  int valueStart;
  int valueEnd;
  int valueType;
  String error;
  boolean keyEscaped;

  /**
   * Walks the fields of the object starting at the first non-space byte of [off, end).
   *
   * @return null, or the error message that stopped the walk
   */
  String eachField(byte[] b, int off, int end, FieldVisitor visitor) {
    int i = nextToken(b, off, end);
    if (i < 0 || b[i] != '{') {
      return MALFORMED_OBJECT;
    }
    i = nextToken(b, i + 1, end);
    if (i < 0) {
      return MALFORMED_JSON;
    }
    if (b[i] == '}') {
      return null;
    }
    while (i < end) {
      if (b[i] == '}') {
        return null;
      }
      if (b[i] != '"') {
        return MALFORMED_OBJECT;
      }
      int keyOff = i + 1;
      int close = stringEnd(b, keyOff, end);
      if (close < 0) {
        return MALFORMED_JSON;
      }
      boolean escaped = keyEscaped;
      i = nextToken(b, close + 1, end);
      if (i < 0 || b[i] != ':') {
        return MALFORMED_JSON;
      }
      if (!scanValue(b, i + 1, end)) {
        return error;
      }
      int vs = valueStart;
      int ve = valueEnd;
      int type = valueType;
      String err = visitor.field(b, keyOff, close - keyOff, escaped, vs, ve, type);
      if (err != null) {
        return err;
      }
      // A string value's end excludes its closing quote.
      i = nextToken(b, type == STRING ? ve + 1 : ve, end);
      if (i < 0) {
        return MALFORMED_ARRAY; // sic: the library reports this case so
      }
      if (b[i] == '}') {
        return null;
      }
      if (b[i] != ',') {
        return MALFORMED_OBJECT;
      }
      i = nextToken(b, i + 1, end);
      if (i < 0) {
        return MALFORMED_ARRAY;
      }
    }
    return MALFORMED_OBJECT;
  }

  /**
   * Scans the value at the first non-space byte from off: sets {@link #valueStart}, {@link
   * #valueEnd} (quotes excluded for strings) and {@link #valueType}.
   *
   * @return false with {@link #error} set when the value is malformed
   */
  boolean scanValue(byte[] b, int off, int end) {
    int i = nextToken(b, off, end);
    if (i < 0) {
      error = MALFORMED_JSON;
      return false;
    }
    switch (b[i]) {
      case '"' -> {
        int close = stringEnd(b, i + 1, end);
        if (close < 0) {
          error = MALFORMED_STRING;
          return false;
        }
        return set(i + 1, close, STRING);
      }
      case '[' -> {
        int e = blockEnd(b, i, end, '[', ']');
        if (e < 0) {
          error = MALFORMED_ARRAY;
          return false;
        }
        return set(i, e, ARRAY);
      }
      case '{' -> {
        int e = blockEnd(b, i, end, '{', '}');
        if (e < 0) {
          error = MALFORMED_OBJECT;
          return false;
        }
        return set(i, e, OBJECT);
      }
      default -> {
        int e = tokenEnd(b, i, end);
        int type =
            switch (b[i]) {
              case 't', 'f' -> literal(b, i, e, "true") || literal(b, i, e, "false") ? BOOLEAN : 0;
              case 'n', 'u' -> literal(b, i, e, "null") ? NULL : 0;
              case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> NUMBER;
              default -> 0;
            };
        if (type == 0) {
          error = UNKNOWN_VALUE_TYPE;
          return false;
        }
        return set(i, e, type);
      }
    }
  }

  private boolean set(int start, int end, int type) {
    valueStart = start;
    valueEnd = end;
    valueType = type;
    return true;
  }

  private static boolean literal(byte[] b, int from, int to, String lit) {
    if (to - from != lit.length()) {
      return false;
    }
    for (int k = 0; k < lit.length(); k++) {
      if (b[from + k] != lit.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  static int nextToken(byte[] b, int i, int end) {
    for (; i < end; i++) {
      byte c = b[i];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return i;
      }
    }
    return -1;
  }

  private static int tokenEnd(byte[] b, int i, int end) {
    for (; i < end; i++) {
      switch (b[i]) {
        case ' ', '\n', '\r', '\t', ',', '}', ']' -> {
          return i;
        }
        default -> {}
      }
    }
    return end;
  }

  /**
   * Index of the closing quote of a string whose body starts at i, or -1; sets {@link #keyEscaped}
   * when the body contains a backslash.
   */
  int stringEnd(byte[] b, int i, int end) {
    boolean escaped = false;
    for (int k = i; k < end; k++) {
      byte c = b[k];
      if (c == '\\') {
        escaped = true;
        k++; // the escaped byte can never close the string
      } else if (c == '"') {
        keyEscaped = escaped;
        return k;
      }
    }
    keyEscaped = escaped;
    return -1;
  }

  /** End (exclusive) of the container opening at i, counting only its own bracket kind. */
  int blockEnd(byte[] b, int i, int end, char open, char close) {
    int level = 0;
    for (int k = i; k < end; k++) {
      byte c = b[k];
      if (c == '"') {
        int q = stringEnd(b, k + 1, end);
        if (q < 0) {
          return -1;
        }
        k = q;
      } else if (c == open) {
        level++;
      } else if (c == close) {
        if (--level == 0) {
          return k + 1;
        }
      }
    }
    return -1;
  }
}
