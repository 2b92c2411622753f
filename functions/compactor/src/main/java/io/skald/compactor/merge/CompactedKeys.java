package io.skald.compactor.merge;

import io.skald.index.ObjectKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Keys of the objects the compactor writes. Outputs are named after a hash of what produced them
 * (purpose, input keys and versions), so a retry after a crash overwrites its own earlier
 * outputs instead of adding new ones:
 *
 * <pre>
 * segments/&lt;tenant&gt;/&lt;day&gt;/c-&lt;id:32 hex&gt;-&lt;n:3&gt;.seg       (parses with ObjectKeys.parseSegment)
 * compactor/pending-deletes/&lt;tenant&gt;/&lt;day&gt;/&lt;id&gt;.json
 * </pre>
 *
 * The {@code c-} prefix cannot collide with chunker keys, which start with a 4-digit partition.
 */
public final class CompactedKeys {

  public static final String PENDING_PREFIX = "compactor/pending-deletes/";
  private static final String COMPACTED_PREFIX = "c-";

  private CompactedKeys() {}

  /**
   * A stable id for one replacement. {@code purpose} separates merges from retention and delete
   * rewrites of the same inputs; {@code detail} carries what else decides the output (for example
   * the delete request ids), so different work never shares a key.
   */
  public static String id(String purpose, List<InputRef> inputs, String detail) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    update(sha, purpose);
    inputs.stream().sorted((a, b) -> a.key().compareTo(b.key())).forEach(in -> {
      update(sha, in.key());
      update(sha, in.eTag());
    });
    update(sha, detail);
    byte[] digest = sha.digest();
    return HexFormat.of().formatHex(digest, 0, 16);
  }

  public static String output(String tenant, LocalDate day, String id, int n) {
    return String.format("%s%s/%s/%s%s-%03d.seg", ObjectKeys.SEGMENTS, tenant, day,
        COMPACTED_PREFIX, id, n);
  }

  /** Whether a segment key was written by the compactor (not by the chunker). */
  public static boolean isCompacted(String segmentKey) {
    return ObjectKeys.parseSegment(segmentKey).isPresent()
        && segmentKey.substring(segmentKey.lastIndexOf('/') + 1).startsWith(COMPACTED_PREFIX);
  }

  public static String pending(String tenant, LocalDate day, String id) {
    return PENDING_PREFIX + tenant + "/" + day + "/" + id + ".json";
  }

  /** Tenant and day of a pending-deletes key, or empty if it is not one. */
  public static Optional<ObjectKeys.SegmentKey> parsePending(String key) {
    if (!key.startsWith(PENDING_PREFIX) || !key.endsWith(".json")) {
      return Optional.empty();
    }
    String[] parts = key.substring(PENDING_PREFIX.length()).split("/");
    if (parts.length != 3 || parts[0].isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ObjectKeys.SegmentKey(parts[0], LocalDate.parse(parts[1]), key));
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static void update(MessageDigest sha, String s) {
    byte[] b = (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    sha.update((byte) (b.length >>> 24));
    sha.update((byte) (b.length >>> 16));
    sha.update((byte) (b.length >>> 8));
    sha.update((byte) b.length);
    sha.update(b);
  }
}
