package io.skald.routes.storageevents.route;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The tenant of a segment key, {@code segments/<tenant>/<yyyy-MM-dd>/<name>.seg} (ADR 0002).
 * Routes may not depend on the index module, so this repeats the rule of its
 * {@code ObjectKeys.parseSegment} exactly: a key accepted here is a key the compactor indexes.
 */
final class SegmentKeys {

  private static final String PREFIX = "segments/";
  private static final String SUFFIX = ".seg";

  private SegmentKeys() {}

  static Optional<String> tenantOf(String key) {
    if (!key.startsWith(PREFIX) || !key.endsWith(SUFFIX)) {
      return Optional.empty();
    }
    String[] parts = key.substring(PREFIX.length()).split("/");
    if (parts.length != 3 || parts[0].isEmpty()) {
      return Optional.empty();
    }
    try {
      LocalDate.parse(parts[1]);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
    return Optional.of(parts[0]);
  }
}
