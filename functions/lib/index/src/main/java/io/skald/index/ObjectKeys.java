package io.skald.index;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The object-key layout shared by every function. Keys start with the object kind, then the
 * tenant and the UTC day, so retention and deletion work on whole prefixes per tenant and day.
 *
 * <pre>
 * segments/&lt;tenant&gt;/&lt;yyyy-MM-dd&gt;/&lt;partition:4&gt;-&lt;firstOffset:20&gt;.seg
 * index/v1/&lt;tenant&gt;/&lt;yyyy-MM-dd&gt;.json
 * </pre>
 */
public final class ObjectKeys {

  public static final String SEGMENTS = "segments/";
  public static final String INDEX = "index/v1/";

  private ObjectKeys() {}

  /** Deterministic: a replay of the same offsets overwrites the same object instead of adding one. */
  public static String segment(String tenant, LocalDate day, int partition, long firstOffset) {
    return String.format("%s%s/%s/%04d-%020d.seg", SEGMENTS, tenant, day, partition, firstOffset);
  }

  public static String index(String tenant, LocalDate day) {
    return INDEX + tenant + "/" + day + ".json";
  }

  public static String indexPrefix(String tenant) {
    return INDEX + tenant + "/";
  }

  /** Tenant and day of a segment key, or empty when the key is not a segment key. */
  public static Optional<SegmentKey> parseSegment(String key) {
    if (!key.startsWith(SEGMENTS) || !key.endsWith(".seg")) {
      return Optional.empty();
    }
    String[] parts = key.substring(SEGMENTS.length()).split("/");
    if (parts.length != 3 || parts[0].isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new SegmentKey(parts[0], LocalDate.parse(parts[1]), key));
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The parts of a segment key that the index needs. */
  public record SegmentKey(String tenant, LocalDate day, String key) {}
}
