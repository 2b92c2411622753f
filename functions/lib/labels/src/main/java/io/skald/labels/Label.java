package io.skald.labels;

import io.skald.gocompat.GoQuote;
import io.skald.gocompat.Utf8;
import java.util.Objects;

/**
 * One label pair: a stream label, a structured-metadata pair or a label a query stage adds. Ordered
 * by name, then value, comparing strings as Go does (by UTF-8 bytes).
 *
 * @param name label name, never null (may be empty)
 * @param value label value, never null (may be empty)
 */
public record Label(String name, String value) implements Comparable<Label> {
  public Label {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }

  @Override
  public int compareTo(Label o) {
    int c = Utf8.compare(name, o.name);
    return c != 0 ? c : Utf8.compare(value, o.value);
  }

  /** {@code name="value"}, the value quoted as Go's {@code strconv.Quote}. */
  @Override
  public String toString() {
    return name + "=" + GoQuote.quote(value);
  }
}
