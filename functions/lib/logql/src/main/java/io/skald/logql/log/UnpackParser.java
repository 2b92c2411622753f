package io.skald.logql.log;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code | unpack}: reads a JSON object written by Promtail's {@code pack} stage. Its string fields
 * become labels and {@code _entry} replaces the line; without {@code _entry} nothing changes (Loki
 * only applies the labels of a packed entry). Non-string fields are ignored.
 */
final class UnpackParser implements Stage, JsonScanner.FieldVisitor {
  private static final byte[] ENTRY_KEY = {'_', 'e', 'n', 't', 'r', 'y'};
  private static final String NOT_AN_OBJECT = "expecting json object(6), but it is not";

  private final JsonScanner scanner = new JsonScanner();
  private final ByteBuilder scratch = new ByteBuilder(64);
  private final KeyCache keys = KeyCache.sanitizing();
  private final List<String> pending = new ArrayList<>();
  private LabelsBuilder labels;
  private byte[] entry;

  @Override
  public boolean process(long timestampNanos, LineBuffer line, LabelsBuilder labels) {
    if (line.length() == 0) {
      return true;
    }
    if (line.array()[line.offset()] != '{') {
      labels.setError(JsonParser.ERROR, NOT_AN_OBJECT);
      return true;
    }
    this.labels = labels;
    this.entry = null;
    pending.clear();
    String err =
        scanner.eachField(line.array(), line.offset(), line.offset() + line.length(), this);
    this.labels = null;
    if (err != null) {
      labels.setError(JsonParser.ERROR, err);
      return true;
    }
    if (entry != null) {
      for (int i = 0; i < pending.size(); i += 2) {
        labels.set(LabelCategory.PARSED, pending.get(i), pending.get(i + 1));
      }
      line.set(entry, 0, entry.length);
    }
    return true;
  }

  @Override
  public String field(
      byte[] b, int keyOff, int keyLen, boolean keyEscaped, int valOff, int valEnd, int type) {
    if (type != JsonScanner.STRING) {
      return null;
    }
    if (keyLen == ENTRY_KEY.length
        && java.util.Arrays.equals(b, keyOff, keyOff + keyLen, ENTRY_KEY, 0, keyLen)) {
      scratch.reset();
      if (!JsonUnescape.unescape(b, valOff, valEnd, scratch)) {
        return JsonScanner.MALFORMED_ESCAPE;
      }
      entry = scratch.toByteArray();
      return null;
    }
    String name = keys.get(b, keyOff, keyLen);
    if (name.isEmpty()) {
      return null;
    }
    name = labels.parsedName(name);
    if (labels.wasParsed(name)) {
      return null;
    }
    pending.add(name);
    pending.add(JsonValues.string(b, valOff, valEnd, scratch));
    return null;
  }

  @Override
  public Stage forStream() {
    return new UnpackParser();
  }
}
