package io.skald.compactor.merge;

import io.skald.index.CorruptIndexException;
import io.skald.index.IndexStore;
import io.skald.index.IndexedSegment;
import io.skald.index.TenantDayIndex;
import io.skald.segment.CorruptSegmentException;
import io.skald.storage.NoSuchObjectException;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One compaction pass over one tenant-day: plan groups of small segments, merge each, swap it into
 * the index. A group whose inputs changed under it is skipped; the next pass re-plans.
 */
public final class DayCompactor {

  private static final Logger LOG = LoggerFactory.getLogger(DayCompactor.class);
  static final String PURPOSE = "merge";

  /** What one pass did. */
  public record Stats(
      int groupsPlanned,
      int groupsSwapped,
      long segmentsIn,
      long segmentsOut,
      long bytesIn,
      long bytesOut,
      long duplicatesDropped) {}

  private final IndexStore indexes;
  private final CompactionPlanner planner;
  private final SegmentMerger merger;
  private final IndexSwap swap;
  private final Quarantine quarantine;

  public DayCompactor(
      IndexStore indexes, CompactionPlanner planner, SegmentMerger merger, IndexSwap swap) {
    this(indexes, planner, merger, swap, null);
  }

  /**
   * @param quarantine where corrupt inputs go; null lets a corrupt input fail the pass
   */
  public DayCompactor(
      IndexStore indexes,
      CompactionPlanner planner,
      SegmentMerger merger,
      IndexSwap swap,
      Quarantine quarantine) {
    this.indexes = indexes;
    this.planner = planner;
    this.merger = merger;
    this.swap = swap;
    this.quarantine = quarantine;
  }

  public Stats compact(String tenant, LocalDate day)
      throws IOException, CorruptIndexException, CorruptSegmentException {
    TenantDayIndex index = indexes.load(tenant, day);
    List<List<IndexedSegment>> groups = planner.plan(index);
    int swapped = 0;
    long segIn = 0;
    long segOut = 0;
    long bytesIn = 0;
    long bytesOut = 0;
    long dups = 0;
    for (List<IndexedSegment> group : groups) {
      List<String> keys = group.stream().map(IndexedSegment::key).toList();
      MergeResult result;
      try {
        result = merger.merge(tenant, day, PURPOSE, "", keys, EntryFilter.KEEP_ALL);
      } catch (NoSuchObjectException e) {
        LOG.info("skipping a group of {}/{}: {}", tenant, day, e.getMessage());
        continue;
      } catch (CorruptInputException e) {
        if (quarantine == null) {
          throw e;
        }
        // One bad object must not hold the day back: move it aside; the next pass re-plans.
        quarantine.quarantine(e.key(), e.getMessage());
        continue;
      }
      if (swap.commit(result.replacement()) == IndexSwap.Outcome.SWAPPED) {
        swapped++;
        segIn += keys.size();
        segOut += result.outputs().size();
        bytesIn += result.inputBytes();
        bytesOut += result.outputs().stream().mapToLong(o -> o.bytes().length).sum();
        dups += result.duplicates();
      }
    }
    return new Stats(groups.size(), swapped, segIn, segOut, bytesIn, bytesOut, dups);
  }
}
