package io.skald.compactor.merge;

import io.skald.index.IndexedSegment;
import io.skald.index.TenantDayIndex;
import io.skald.segment.StreamInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Picks groups of small segments of one tenant-day to merge. Candidates are taken in time order (by
 * first timestamp, then key) so each output covers a narrow time range and queries can skip it by
 * its stream table; a group is closed before it would exceed the stored or uncompressed size bound,
 * and only groups with at least {@code minSegmentsToCompact} members are returned. The last, short
 * group waits for more segments to arrive.
 */
public final class CompactionPlanner {

  private final CompactionConfig config;

  public CompactionPlanner(CompactionConfig config) {
    this.config = config;
  }

  /** Groups to merge, each sorted by key; disjoint; possibly none. */
  public List<List<IndexedSegment>> plan(TenantDayIndex index) {
    List<IndexedSegment> candidates = new ArrayList<>();
    for (IndexedSegment s : index.segments()) {
      if (s.size() < config.smallSegmentBytes()) {
        candidates.add(s);
      }
    }
    candidates.sort(
        Comparator.comparingLong(IndexedSegment::minTimeNanos).thenComparing(IndexedSegment::key));
    List<List<IndexedSegment>> groups = new ArrayList<>();
    List<IndexedSegment> current = new ArrayList<>();
    long stored = 0;
    long raw = 0;
    for (IndexedSegment s : candidates) {
      long r = rawBytes(s);
      if (!current.isEmpty()
          && (stored + s.size() > config.targetObjectBytes()
              || raw + r > config.maxMergeRawBytes())) {
        close(groups, current);
        current = new ArrayList<>();
        stored = 0;
        raw = 0;
      }
      current.add(s);
      stored += s.size();
      raw += r;
    }
    close(groups, current);
    return groups;
  }

  private void close(List<List<IndexedSegment>> groups, List<IndexedSegment> group) {
    if (group.size() >= config.minSegmentsToCompact()) {
      group.sort(Comparator.comparing(IndexedSegment::key));
      groups.add(List.copyOf(group));
    }
  }

  static long rawBytes(IndexedSegment s) {
    long raw = 0;
    for (StreamInfo st : s.streams()) {
      raw += st.rawBytes();
    }
    return raw;
  }
}
