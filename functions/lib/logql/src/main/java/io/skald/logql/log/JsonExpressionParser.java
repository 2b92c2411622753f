package io.skald.logql.log;

import io.skald.gocompat.Utf8;
import io.skald.logql.syntax.LabelExtraction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * {@code | json a="x.y", b="list[0]", c="m[\"k\"]", d}: extracts only the named paths. The first
 * occurrence of a key wins; an object value is kept as JSON text, an array as its (unescaped) text,
 * null as "". Labels whose path is absent are still set, to "", unless a label of that name already
 * exists. A line that does not start like JSON gets {@code __error__=JSONParserErr} without
 * details, as in Loki.
 */
final class JsonExpressionParser implements Stage {
  private final String[] ids;
  private final Object[][] paths;
  private final JsonScanner scanner = new JsonScanner();
  private final ByteBuilder scratch = new ByteBuilder(64);

  private JsonExpressionParser(String[] ids, Object[][] paths) {
    this.ids = ids;
    this.paths = paths;
  }

  /**
   * @throws IllegalArgumentException for an invalid path expression
   */
  static JsonExpressionParser compile(List<LabelExtraction> extractions) {
    String[] ids = new String[extractions.size()];
    Object[][] paths = new Object[ids.length][];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = extractions.get(i).label();
      List<Object> steps = JsonPath.parse(extractions.get(i).expression());
      paths[i] = new Object[steps.size()];
      for (int k = 0; k < steps.size(); k++) {
        Object step = steps.get(k);
        paths[i][k] = step instanceof String key ? key.getBytes(StandardCharsets.UTF_8) : step;
      }
    }
    return new JsonExpressionParser(ids, paths);
  }

  @Override
  public boolean process(long timestampNanos, LineBuffer line, LabelsBuilder labels) {
    if (line.length() == 0) {
      return true;
    }
    byte[] b = line.array();
    int off = line.offset();
    int end = off + line.length();
    byte first = b[off];
    if (first != '"' && first != '{' && first != '[') {
      labels.setError(JsonParser.ERROR, null);
      return true;
    }
    for (int p = 0; p < ids.length; p++) {
      if (find(b, off, end, paths[p])) {
        String v =
            switch (scanner.valueType) {
              case JsonScanner.NULL -> "";
              case JsonScanner.OBJECT ->
                  Utf8.decodeReplacingRuneErrors(
                      b, scanner.valueStart, scanner.valueEnd - scanner.valueStart, ' ');
              default -> JsonValues.string(b, scanner.valueStart, scanner.valueEnd, scratch);
            };
        labels.set(LabelCategory.PARSED, labels.parsedName(ids[p]), v);
      } else if (scanner.error != null) {
        labels.setError(JsonParser.ERROR, scanner.error);
      }
    }
    for (String id : ids) {
      if (!labels.has(id)) {
        labels.set(LabelCategory.PARSED, id, "");
      }
    }
    return true;
  }

  /** Positions the scanner on the value at the path; false when absent (error set if malformed). */
  private boolean find(byte[] b, int off, int end, Object[] path) {
    scanner.error = null;
    // The root container is not required to be closed: like jsonparser's EachKey, only
    // the part up to the wanted value is read.
    int i = JsonScanner.nextToken(b, off, end);
    if (i < 0 || (b[i] != '{' && b[i] != '[')) {
      return false;
    }
    scanner.valueStart = i;
    scanner.valueEnd = end;
    scanner.valueType = b[i] == '{' ? JsonScanner.OBJECT : JsonScanner.ARRAY;
    for (Object step : path) {
      boolean found = step instanceof byte[] key ? field(b, key) : element(b, (Integer) step);
      if (!found) {
        return false;
      }
    }
    return true;
  }

  /** Moves from the current object value to its field's value. */
  private boolean field(byte[] b, byte[] key) {
    if (scanner.valueType != JsonScanner.OBJECT) {
      return false;
    }
    int i = JsonScanner.nextToken(b, scanner.valueStart + 1, scanner.valueEnd);
    int end = scanner.valueEnd;
    while (i >= 0 && b[i] == '"') {
      int close = scanner.stringEnd(b, i + 1, end);
      if (close < 0) {
        return false;
      }
      boolean match = keyEquals(b, i + 1, close, scanner.keyEscaped, key);
      int colon = JsonScanner.nextToken(b, close + 1, end);
      if (colon < 0 || b[colon] != ':') {
        return false;
      }
      if (!scanner.scanValue(b, colon + 1, end)) {
        if (!match) {
          scanner.error = null; // only a malformed value at the path itself is reported
        }
        return false;
      }
      if (match) {
        return true;
      }
      i =
          skipSeparator(
              b,
              scanner.valueType == JsonScanner.STRING ? scanner.valueEnd + 1 : scanner.valueEnd,
              end);
    }
    return false;
  }

  /** Moves from the current array value to its n-th element. */
  private boolean element(byte[] b, int n) {
    if (scanner.valueType != JsonScanner.ARRAY) {
      return false;
    }
    int end = scanner.valueEnd;
    int i = JsonScanner.nextToken(b, scanner.valueStart + 1, end);
    for (int k = 0; i >= 0 && b[i] != ']'; k++) {
      if (!scanner.scanValue(b, i, end)) {
        if (k != n) {
          scanner.error = null;
        }
        return false;
      }
      if (k == n) {
        return true;
      }
      i =
          skipSeparator(
              b,
              scanner.valueType == JsonScanner.STRING ? scanner.valueEnd + 1 : scanner.valueEnd,
              end);
    }
    return false;
  }

  private static int skipSeparator(byte[] b, int i, int end) {
    i = JsonScanner.nextToken(b, i, end);
    if (i < 0 || b[i] != ',') {
      return -1;
    }
    return JsonScanner.nextToken(b, i + 1, end);
  }

  private boolean keyEquals(byte[] b, int off, int end, boolean escaped, byte[] key) {
    if (escaped) {
      scratch.reset();
      return JsonUnescape.unescape(b, off, end, scratch)
          && Arrays.equals(scratch.array(), 0, scratch.length(), key, 0, key.length);
    }
    return Arrays.equals(b, off, end, key, 0, key.length);
  }

  @Override
  public Stage forStream() {
    return new JsonExpressionParser(ids, paths);
  }
}
