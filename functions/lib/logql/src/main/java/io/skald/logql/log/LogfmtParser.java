package io.skald.logql.log;

import io.skald.gocompat.Utf8;

/**
 * {@code | logfmt [--strict] [--keep-empty]}: every {@code key=value} pair becomes a label; the
 * first of duplicate keys wins. Without {@code --strict} malformed pairs are skipped; with it
 * parsing stops at the first one and the entry gets {@code __error__=LogfmtParserErr}. Empty values
 * (and bare keys) are dropped unless {@code --keep-empty}.
 */
final class LogfmtParser implements Stage {
  static final String ERROR = "LogfmtParserErr";

  private final boolean strict;
  private final boolean keepEmpty;
  private final LogfmtDecoder decoder = new LogfmtDecoder();
  private final KeyCache keys = KeyCache.sanitizing();

  LogfmtParser(boolean strict, boolean keepEmpty) {
    this.strict = strict;
    this.keepEmpty = keepEmpty;
  }

  @Override
  public boolean process(long timestampNanos, LineBuffer line, LabelsBuilder labels) {
    LogfmtDecoder d = decoder;
    d.reset(line.array(), line.offset(), line.length());
    while (!d.eol()) {
      if (!d.scanKeyval()) {
        if (strict) {
          break;
        }
        continue;
      }
      String name = keys.get(line.array(), d.keyOff, d.keyLen);
      if (name.isEmpty()) {
        continue;
      }
      name = labels.parsedName(name);
      if (labels.wasParsed(name) || (!keepEmpty && d.valueLen == 0)) {
        continue;
      }
      labels.set(
          LabelCategory.PARSED,
          name,
          Utf8.decodeReplacingRuneErrors(d.valueArray, d.valueOff, d.valueLen, ' '));
    }
    if (strict && d.error != null) {
      labels.setError(ERROR, d.error);
    }
    return true;
  }

  @Override
  public Stage forStream() {
    return new LogfmtParser(strict, keepEmpty);
  }
}
