package io.skald.layout;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Where every kind of object Skald writes lives (ADR 0002). Keys start with the object kind, then
 * the tenant and the UTC day, so retention and deletion work on whole prefixes per tenant and day.
 * Chunk bucket:
 *
 * <pre>
 * segments/&lt;tenant&gt;/&lt;yyyy-MM-dd&gt;/&lt;partition:4&gt;-&lt;firstOffset:20&gt;.seg   written by the chunker
 * segments/&lt;tenant&gt;/&lt;yyyy-MM-dd&gt;/c-&lt;id:32 hex&gt;-&lt;n:3&gt;.seg            written by the compactor
 * index/v1/&lt;tenant&gt;/&lt;yyyy-MM-dd&gt;.json                                tenant-day index
 * compactor/pending-deletes/&lt;tenant&gt;/&lt;yyyy-MM-dd&gt;/&lt;id&gt;.json          replaced objects awaiting deletion
 * quarantine/&lt;key&gt; and quarantine/&lt;key&gt;.reason                        corrupt objects moved aside
 * </pre>
 *
 * Admin bucket: {@code delete-requests/<tenant>/<requestId>.json}.
 *
 * <p>Segment keys are deterministic (a replay of the same offsets, or a retried compaction,
 * overwrites the same object instead of adding one), and the compactor's {@code c-} names cannot
 * collide with the chunker's, which start with a 4-digit partition.
 */
public final class ObjectKeys {

  public static final String SEGMENTS = "segments/";
  public static final String SEGMENT_SUFFIX = ".seg";
  public static final String INDEX = "index/v1/";
  public static final String PENDING_DELETES = "compactor/pending-deletes/";
  public static final String QUARANTINE = "quarantine/";
  public static final String DELETE_REQUESTS = "delete-requests/";

  private static final String COMPACTED_PREFIX = "c-";
  private static final String JSON = ".json";
  private static final String REASON = ".reason";

  private ObjectKeys() {}

  /** A chunker segment: the partition and first offset of the records it holds. */
  public static String segment(String tenant, LocalDate day, int partition, long firstOffset) {
    return String.format(
        "%s%s/%s/%04d-%020d%s", SEGMENTS, tenant, day, partition, firstOffset, SEGMENT_SUFFIX);
  }

  /** The {@code n}-th output of the compactor's replacement {@code id}. */
  public static String compactedSegment(String tenant, LocalDate day, String id, int n) {
    return String.format(
        "%s%s/%s/%s%s-%03d%s", SEGMENTS, tenant, day, COMPACTED_PREFIX, id, n, SEGMENT_SUFFIX);
  }

  /** The prefix of every segment of one tenant-day. */
  public static String segmentPrefix(String tenant, LocalDate day) {
    return SEGMENTS + tenant + "/" + day + "/";
  }

  /** Tenant and day of a segment key (either writer's), or empty when it is not one. */
  public static Optional<TenantDayKey> parseSegment(String key) {
    return parseTenantDayName(SEGMENTS, key, SEGMENT_SUFFIX);
  }

  /** Whether a segment key was written by the compactor (not by the chunker). */
  public static boolean isCompacted(String key) {
    return parseSegment(key).isPresent()
        && key.substring(key.lastIndexOf('/') + 1).startsWith(COMPACTED_PREFIX);
  }

  public static String index(String tenant, LocalDate day) {
    return indexPrefix(tenant) + day + JSON;
  }

  public static String indexPrefix(String tenant) {
    return INDEX + tenant + "/";
  }

  /** Tenant and day of an index key, or empty when it is not one. */
  public static Optional<TenantDayKey> parseIndex(String key) {
    if (!key.startsWith(INDEX) || !key.endsWith(JSON)) {
      return Optional.empty();
    }
    String[] parts = key.substring(INDEX.length(), key.length() - JSON.length()).split("/", -1);
    if (parts.length != 2 || parts[0].isEmpty()) {
      return Optional.empty();
    }
    return day(parts[1]).map(day -> new TenantDayKey(parts[0], day, key));
  }

  /** The record of one replacement's objects that are deleted once no query can need them. */
  public static String pendingDeletes(String tenant, LocalDate day, String id) {
    return PENDING_DELETES + tenant + "/" + day + "/" + id + JSON;
  }

  /** The prefix of one tenant's pending-deletes records, or of everyone's when null. */
  public static String pendingDeletesPrefix(String tenant) {
    return PENDING_DELETES + (tenant == null ? "" : tenant + "/");
  }

  /** Tenant and day of a pending-deletes key, or empty when it is not one. */
  public static Optional<TenantDayKey> parsePendingDeletes(String key) {
    return parseTenantDayName(PENDING_DELETES, key, JSON);
  }

  /** Where a corrupt object is moved aside. */
  public static String quarantined(String key) {
    return QUARANTINE + key;
  }

  /** Why the object was moved aside, next to it. */
  public static String quarantineReason(String key) {
    return QUARANTINE + key + REASON;
  }

  /** A delete request in the admin bucket. */
  public static String deleteRequest(String tenant, String requestId) {
    return deleteRequestsPrefix(tenant) + requestId + JSON;
  }

  public static String deleteRequestsPrefix(String tenant) {
    return DELETE_REQUESTS + tenant + "/";
  }

  /**
   * The tenant of a key under a per-tenant prefix ({@link #INDEX}, {@link #DELETE_REQUESTS}): the
   * first path segment after it, or empty when the key is not under it or has no such segment.
   */
  public static Optional<String> tenantUnder(String kind, String key) {
    if (!key.startsWith(kind)) {
      return Optional.empty();
    }
    int slash = key.indexOf('/', kind.length());
    return slash > kind.length()
        ? Optional.of(key.substring(kind.length(), slash))
        : Optional.empty();
  }

  /** {@code <kind><tenant>/<yyyy-MM-dd>/<name><suffix>}, with exactly those three segments. */
  private static Optional<TenantDayKey> parseTenantDayName(String kind, String key, String suffix) {
    if (!key.startsWith(kind) || !key.endsWith(suffix)) {
      return Optional.empty();
    }
    String[] parts = key.substring(kind.length()).split("/");
    if (parts.length != 3 || parts[0].isEmpty()) {
      return Optional.empty();
    }
    return day(parts[1]).map(day -> new TenantDayKey(parts[0], day, key));
  }

  private static Optional<LocalDate> day(String text) {
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** A key that belongs to one tenant and UTC day. */
  public record TenantDayKey(String tenant, LocalDate day, String key) {}
}
