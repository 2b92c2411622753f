package io.skald.querier.engine;

import io.skald.deletes.DeleteFilter;
import io.skald.deletes.TenantDeleteFilters;
import io.skald.index.CorruptIndexException;
import io.skald.index.IndexCodec;
import io.skald.index.IndexedSegment;
import io.skald.index.TenantDayIndex;
import io.skald.labels.LabelSet;
import io.skald.layout.ObjectKeys;
import io.skald.querier.params.TimeRange;
import io.skald.segment.StreamInfo;
import io.skald.storage.ObjectInfo;
import io.skald.storage.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the stored streams of a tenant in a time range through the tenant-day indexes. An index is
 * re-read only when its object changed (checked with a HEAD), so queries see new segments as soon
 * as the compactor has indexed them.
 */
public final class StreamCatalog {

  private static final Logger LOG = LoggerFactory.getLogger(StreamCatalog.class);
  private static final int MAX_CACHED_INDEXES = 512;
  private static final int MAX_CACHED_LABELS = 100_000;

  private record Cached(ObjectInfo version, TenantDayIndex index) {}

  private final ObjectStore store;
  private final TenantDeleteFilters deletes;
  private final Map<String, Cached> indexes = new ConcurrentHashMap<>();
  private final Map<String, SortedMap<String, String>> parsedLabels = new ConcurrentHashMap<>();

  public StreamCatalog(ObjectStore store) {
    this(store, TenantDeleteFilters.NONE);
  }

  /**
   * @param deletes the tenants' delete requests, whose lines queries must not return
   */
  public StreamCatalog(ObjectStore store, TenantDeleteFilters deletes) {
    this.store = store;
    this.deletes = deletes;
  }

  /** What the tenant's delete requests hide from query results. */
  public DeleteFilter deletes(String tenant) {
    return deletes.forTenant(tenant);
  }

  public ObjectStore store() {
    return store;
  }

  /** Streams with at least one entry in {@code [start, end)} (by their min/max time). */
  public List<StoredStream> streams(String tenant, TimeRange range) {
    List<StoredStream> out = new ArrayList<>();
    for (LocalDate day = dayOf(range.startNanos());
        !day.isAfter(dayOf(range.endNanos()));
        day = day.plusDays(1)) {
      for (IndexedSegment seg : index(tenant, day).segments()) {
        for (StreamInfo s : seg.streams()) {
          if (s.maxTimeNanos() >= range.startNanos() && s.minTimeNanos() < range.endNanos()) {
            out.add(new StoredStream(seg.key(), s, labels(s.labels())));
          }
        }
      }
    }
    return out;
  }

  private TenantDayIndex index(String tenant, LocalDate day) {
    String key = ObjectKeys.index(tenant, day);
    try {
      Optional<ObjectInfo> info = store.head(key);
      if (info.isEmpty()) {
        indexes.remove(key);
        return TenantDayIndex.empty(tenant, day);
      }
      Cached cached = indexes.get(key);
      if (cached != null && sameVersion(cached.version(), info.get())) {
        return cached.index();
      }
      Optional<byte[]> bytes = store.get(key);
      if (bytes.isEmpty()) {
        return TenantDayIndex.empty(tenant, day);
      }
      TenantDayIndex index = IndexCodec.decode(bytes.get());
      if (indexes.size() >= MAX_CACHED_INDEXES) {
        indexes.clear();
      }
      indexes.put(key, new Cached(info.get(), index));
      return index;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read index " + key, e);
    } catch (CorruptIndexException e) {
      // A corrupt index hides that day's data until it is rebuilt; say so loudly, keep serving.
      LOG.error("index {} is corrupt: {}", key, e.getMessage());
      return TenantDayIndex.empty(tenant, day);
    }
  }

  private static boolean sameVersion(ObjectInfo a, ObjectInfo b) {
    return a.size() == b.size()
        && a.lastModified().equals(b.lastModified())
        && java.util.Objects.equals(a.eTag(), b.eTag());
  }

  private SortedMap<String, String> labels(String text) {
    SortedMap<String, String> parsed = parsedLabels.get(text);
    if (parsed == null) {
      if (parsedLabels.size() >= MAX_CACHED_LABELS) {
        parsedLabels.clear();
      }
      parsed = Collections.unmodifiableSortedMap(new TreeMap<>(LabelSet.parse(text).asMap()));
      parsedLabels.put(text, parsed);
    }
    return parsed;
  }

  static LocalDate dayOf(long nanos) {
    return LocalDate.ofInstant(
        Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L)), ZoneOffset.UTC);
  }
}
