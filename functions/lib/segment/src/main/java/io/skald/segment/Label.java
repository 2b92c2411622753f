package io.skald.segment;

import java.util.Objects;

/**
 * A name/value pair. Used for structured metadata attached to a single log entry.
 *
 * @param name  label name, never null (may be empty)
 * @param value label value, never null (may be empty)
 */
public record Label(String name, String value) {
  public Label {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
