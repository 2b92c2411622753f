package io.skald.logql.log;

import io.skald.gocompat.Utf8;

/**
 * {@code | json}: every string, number and boolean field becomes a label; nested objects are
 * flattened with {@code _}, arrays and nulls are skipped. A malformed line keeps the labels found
 * before the error and gets {@code __error__=JSONParserErr} with the scanner's message.
 *
 * <p>Per stream: the scanner, the name buffer and the key cache are reused across lines, so a line
 * costs the value strings and the label entries only.
 */
final class JsonParser implements Stage, JsonScanner.FieldVisitor {
  static final String ERROR = "JSONParserErr";

  private final JsonScanner scanner = new JsonScanner();

  /** The sanitised flattened prefix of the object being walked, e.g. {@code pod_deployment}. */
  private final ByteBuilder prefix = new ByteBuilder(64);

  private final ByteBuilder unescaped = new ByteBuilder(64);
  private final KeyCache topLevelKeys = KeyCache.sanitizing();
  private final KeyCache nestedKeys = KeyCache.identity();
  private LabelsBuilder labels;

  @Override
  public boolean process(long timestampNanos, LineBuffer line, LabelsBuilder labels) {
    this.labels = labels;
    prefix.reset();
    String err =
        scanner.eachField(line.array(), line.offset(), line.offset() + line.length(), this);
    if (err != null) {
      labels.setError(ERROR, err);
    }
    this.labels = null;
    return true;
  }

  @Override
  public String field(
      byte[] b, int keyOff, int keyLen, boolean keyEscaped, int valOff, int valEnd, int type) {
    byte[] kb = b;
    int ko = keyOff;
    if (keyEscaped) {
      unescaped.reset();
      if (!JsonUnescape.unescape(b, keyOff, keyOff + keyLen, unescaped)) {
        return JsonScanner.MALFORMED_ESCAPE;
      }
      kb = unescaped.array();
      ko = 0;
      keyLen = unescaped.length();
    }
    if (type == JsonScanner.OBJECT) {
      int mark = prefix.length();
      appendPart(kb, ko, keyLen);
      String err = scanner.eachField(b, valOff, valEnd, this);
      prefix.setLength(mark);
      return err;
    }
    if (type != JsonScanner.STRING && type != JsonScanner.NUMBER && type != JsonScanner.BOOLEAN) {
      return null;
    }
    String name;
    if (prefix.length() == 0) {
      name = topLevelKeys.get(kb, ko, keyLen);
    } else {
      int mark = prefix.length();
      appendPart(kb, ko, keyLen);
      name = nestedKeys.get(prefix.array(), 0, prefix.length());
      prefix.setLength(mark);
    }
    // Loki would even emit an empty label name for blank nested keys; Prometheus forbids it.
    if (name.isEmpty()) {
      return null;
    }
    name = labels.parsedName(name);
    if (!labels.wasParsed(name)) {
      labels.set(LabelCategory.PARSED, name, value(b, valOff, valEnd, type));
    }
    return null;
  }

  private void appendPart(byte[] kb, int ko, int keyLen) {
    int mark = prefix.length();
    if (mark > 0) {
      prefix.append((byte) '_');
    }
    if (!LabelNames.append(prefix, kb, ko, keyLen, mark == 0)) {
      prefix.setLength(mark); // blank keys add nothing, not even the separator
    }
  }

  private String value(byte[] b, int off, int end, int type) {
    return switch (type) {
      case JsonScanner.STRING -> JsonValues.string(b, off, end, unescaped);
      case JsonScanner.BOOLEAN -> b[off] == 't' ? "true" : "false";
      default -> Utf8.decodeReplacingRuneErrors(b, off, end - off, ' ');
    };
  }

  @Override
  public Stage forStream() {
    return new JsonParser();
  }
}
