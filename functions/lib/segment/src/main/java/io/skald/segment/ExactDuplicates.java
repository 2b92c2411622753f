package io.skald.segment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The store's duplicate rule, in one place: two entries of one stream are the same entry when their
 * timestamps, line bytes and structured metadata (same pairs in the same order) are equal. Replays,
 * overlapping segments and an interrupted compaction store entries more than once; the segment
 * writer and the compactor's merge keep the first of each, and queries keep one, as Loki does.
 * Different lines at one timestamp are all kept.
 *
 * <p>An instance filters one stream's entries arriving grouped by timestamp (in time order, either
 * direction). Duplicates share a timestamp, so only the current run of equal timestamps is
 * remembered. Not thread-safe.
 */
public final class ExactDuplicates {

  /** Runs up to this length are searched linearly; longer ones get a hash set. */
  private static final int LINEAR_RUN = 8;

  private boolean started;
  private long runTs;

  /** The run's first entry; most runs have only this one. */
  private StoredEntry first;

  /** The run's further entries, or null. */
  private List<StoredEntry> more;

  private Set<StoredEntry> runIndex;
  private long dropped;

  /**
   * Whether the entry repeats one already passed; if not, it is remembered for the rest of its
   * timestamp's run. The entry's line must not change while its run lasts.
   */
  public boolean repeats(StoredEntry entry) {
    if (!started || entry.timestampNanos() != runTs) {
      started = true;
      runTs = entry.timestampNanos();
      first = entry;
      more = null;
      runIndex = null;
      return false;
    }
    boolean seen;
    if (runIndex != null) {
      seen = !runIndex.add(entry);
    } else {
      seen = first.equals(entry) || (more != null && more.contains(entry));
      if (!seen) {
        remember(entry);
      }
    }
    if (seen) {
      dropped++;
    }
    return seen;
  }

  private void remember(StoredEntry entry) {
    if (more == null) {
      more = new ArrayList<>();
    }
    more.add(entry);
    if (more.size() >= LINEAR_RUN) {
      runIndex = new HashSet<>(more);
      runIndex.add(first);
      more = null;
    }
  }

  /** How many entries {@link #repeats} has reported as duplicates. */
  public long dropped() {
    return dropped;
  }
}
