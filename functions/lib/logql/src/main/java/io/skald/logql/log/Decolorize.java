package io.skald.logql.log;

import com.google.re2j.Pattern;
import java.nio.charset.StandardCharsets;

/**
 * {@code | decolorize}: removes ANSI escape sequences (the stripansi pattern Loki uses). Lines
 * without an ESC or CSI character are passed through untouched, without decoding.
 */
final class Decolorize implements Stage {
  static final Decolorize INSTANCE = new Decolorize();

  private static final Pattern ANSI =
      Pattern.compile(
          "[\u001B\u009B][\\[\\]()#;?]*(?:(?:(?:[a-zA-Z\\d]*(?:;[a-zA-Z\\d]*)*)?\u0007)"
              + "|(?:(?:\\d{1,4}(?:;\\d{0,4})*)?[\\dA-PRZcf-ntqry=><~]))");

  private Decolorize() {}

  @Override
  public boolean process(long timestampNanos, LineBuffer line, LabelsBuilder labels) {
    if (!hasEscape(line.array(), line.offset(), line.offset() + line.length())) {
      return true;
    }
    String out = ANSI.matcher(line.asString()).replaceAll("");
    byte[] b = out.getBytes(StandardCharsets.UTF_8);
    line.set(b, 0, b.length);
    return true;
  }

  /** ESC (0x1B) or U+009B CSI, which is C2 9B in UTF-8. */
  private static boolean hasEscape(byte[] b, int off, int end) {
    for (int i = off; i < end; i++) {
      if (b[i] == 0x1b || (b[i] == (byte) 0xc2 && i + 1 < end && b[i + 1] == (byte) 0x9b)) {
        return true;
      }
    }
    return false;
  }
}
