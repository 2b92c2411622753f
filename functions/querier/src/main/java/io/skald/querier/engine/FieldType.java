package io.skald.querier.engine;

import io.skald.logql.log.template.GoConversions;
import java.util.Set;

/** The type Loki reports for a detected field, tried in Loki's order on one sample value. */
public enum FieldType {
  INT,
  FLOAT,
  BOOLEAN,
  DURATION,
  BYTES,
  STRING;

  private static final Set<String> GO_BOOLS =
      Set.of("1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False");

  public String json() {
    return name().toLowerCase();
  }

  public static FieldType of(String value) {
    if (value.matches("[+-]?\\d{1,19}") && fitsLong(value)) {
      return INT;
    }
    if (parses(() -> GoConversions.parseFloat(value))) {
      return FLOAT;
    }
    if (GO_BOOLS.contains(value)) {
      return BOOLEAN;
    }
    if (parses(() -> GoConversions.parseDurationNanos(value))) {
      return DURATION;
    }
    if (parses(() -> GoConversions.parseBytes(value))) {
      return BYTES;
    }
    return STRING;
  }

  private static boolean fitsLong(String v) {
    try {
      Long.parseLong(v);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean parses(Runnable parse) {
    try {
      parse.run();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
