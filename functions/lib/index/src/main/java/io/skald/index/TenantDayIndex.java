package io.skald.index;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The index of one tenant and one UTC day: every segment object of that day with its stream table.
 * Keyed by object key, so re-indexing an overwritten segment replaces its entry (a chunker replay
 * rewrites the same key) instead of adding a duplicate.
 */
public final class TenantDayIndex {

  private final String tenant;
  private final LocalDate day;
  private final Map<String, IndexedSegment> segments;

  public TenantDayIndex(String tenant, LocalDate day, Collection<IndexedSegment> segments) {
    this.tenant = tenant;
    this.day = day;
    this.segments = new TreeMap<>();
    segments.forEach(s -> this.segments.put(s.key(), s));
  }

  public static TenantDayIndex empty(String tenant, LocalDate day) {
    return new TenantDayIndex(tenant, day, List.of());
  }

  public String tenant() {
    return tenant;
  }

  public LocalDate day() {
    return day;
  }

  /** Segments sorted by key. */
  public List<IndexedSegment> segments() {
    return new ArrayList<>(segments.values());
  }

  public void put(IndexedSegment segment) {
    segments.put(segment.key(), segment);
  }

  public boolean remove(String key) {
    return segments.remove(key) != null;
  }

  public boolean isEmpty() {
    return segments.isEmpty();
  }

  public TenantDayIndex copy() {
    return new TenantDayIndex(tenant, day, segments.values());
  }
}
