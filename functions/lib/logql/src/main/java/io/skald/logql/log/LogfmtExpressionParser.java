package io.skald.logql.log;

import io.skald.gocompat.Utf8;
import io.skald.logql.syntax.LabelExtraction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code | logfmt a="key", b}: extracts only the named keys, under the given label names. As in
 * Loki every requested label is first set to "" (unless the name is a stream or metadata label),
 * and a later pair of the same key overwrites an earlier one.
 */
final class LogfmtExpressionParser implements Stage {
  private final boolean strict;
  private final String[] ids;
  private final byte[][] keys;
  private final LogfmtDecoder decoder = new LogfmtDecoder();
  private final KeyCache names = KeyCache.sanitizing();

  private LogfmtExpressionParser(boolean strict, String[] ids, byte[][] keys) {
    this.strict = strict;
    this.ids = ids;
    this.keys = keys;
  }

  /**
   * @throws IllegalArgumentException for an invalid key expression
   */
  static LogfmtExpressionParser compile(boolean strict, List<LabelExtraction> extractions) {
    String[] ids = new String[extractions.size()];
    byte[][] keys = new byte[ids.length][];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = extractions.get(i).label();
      keys[i] = parseKey(extractions.get(i).expression()).getBytes(StandardCharsets.UTF_8);
    }
    return new LogfmtExpressionParser(strict, ids, keys);
  }

  /** The expression is one identifier or one quoted key (Loki's grammar, single-key use). */
  private static String parseKey(String expr) {
    String s = expr.strip();
    String error = null;
    if (s.isEmpty()) {
      error = "syntax error: unexpected $end";
    } else if (s.charAt(0) == '"') {
      int close = s.indexOf('"', 1);
      if (close < 0 ? false : close != s.length() - 1) {
        error = "syntax error: unexpected STRING";
      }
      s = s.substring(1, close < 0 ? s.length() : close);
    } else {
      int i = 0;
      while (i < s.length() && LabelNames.isNameByte(s.charAt(i))) {
        i++;
      }
      if (!Character.isLetter(s.charAt(0)) && s.charAt(0) != '_') {
        error = "unexpected char " + s.charAt(0);
      } else if (i < s.length()) {
        char c = s.charAt(i);
        error =
            c == ' ' || c == '\t' || c == '\n'
                ? "syntax error: unexpected KEY"
                : "unexpected char " + c;
      }
    }
    if (error != null) {
      throw new IllegalArgumentException("cannot parse expression [" + expr + "]: " + error);
    }
    return s;
  }

  @Override
  public boolean process(long timestampNanos, LineBuffer line, LabelsBuilder labels) {
    for (String id : ids) {
      if (!labels.baseHas(id) && !labels.hasStructuredMetadata(id)) {
        labels.set(LabelCategory.PARSED, id, "");
      }
    }
    LogfmtDecoder d = decoder;
    d.reset(line.array(), line.offset(), line.length());
    while (!d.eol()) {
      if (!d.scanKeyval()) {
        if (strict) {
          break;
        }
        continue;
      }
      String key = names.get(line.array(), d.keyOff, d.keyLen);
      for (int i = 0; i < ids.length; i++) {
        if (matches(key, i)) {
          String v =
              Utf8.hasRuneError(d.valueArray, d.valueOff, d.valueLen)
                  ? ""
                  : Utf8.decodeReplacingRuneErrors(d.valueArray, d.valueOff, d.valueLen, ' ');
          labels.set(LabelCategory.PARSED, labels.parsedName(ids[i]), v);
        }
      }
    }
    if (strict && d.error != null) {
      labels.setError(LogfmtParser.ERROR, d.error);
    }
    return true;
  }

  private boolean matches(String sanitizedKey, int i) {
    byte[] k = keys[i];
    if (k.length != sanitizedKey.length()) {
      return false;
    }
    for (int j = 0; j < k.length; j++) {
      if (k[j] != sanitizedKey.charAt(j)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Stage forStream() {
    return new LogfmtExpressionParser(strict, ids, keys);
  }
}
