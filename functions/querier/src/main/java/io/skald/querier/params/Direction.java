package io.skald.querier.params;

import java.util.Locale;

/** Order of log results; Loki's default is backward (newest first). */
public enum Direction {
  FORWARD,
  BACKWARD;

  public static Direction parse(String value) {
    if (value == null || value.isEmpty()) {
      return BACKWARD;
    }
    try {
      return valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("invalid direction '" + value + "'");
    }
  }
}
