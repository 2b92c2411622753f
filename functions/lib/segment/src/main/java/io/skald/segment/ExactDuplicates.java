package io.skald.segment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The store's duplicate rule, in one place: two entries of one stream are the same entry when
 * their timestamps, line bytes and structured metadata (same pairs in the same order) are equal.
 * Replays, overlapping segments and an interrupted compaction store entries more than once; the
 * segment writer, the compactor's merge and every query keep the first of each, as Loki does.
 * Different lines at one timestamp are all kept.
 *
 * <p>An instance filters one stream's entries arriving grouped by timestamp (in time order,
 * either direction). Duplicates share a timestamp, so only the current run of equal timestamps
 * is remembered. Not thread-safe.
 */
public final class ExactDuplicates {

  /** Runs up to this length are searched linearly; longer ones get a hash set. */
  private static final int LINEAR_RUN = 8;

  private final List<StoredEntry> run = new ArrayList<>();
  private Set<StoredEntry> runIndex;
  private long dropped;

  /**
   * Whether the entry repeats one already passed; if not, it is remembered for the rest of its
   * timestamp's run. The entry's line must not change while its run lasts.
   */
  public boolean repeats(StoredEntry entry) {
    if (run.isEmpty() || run.get(0).timestampNanos() != entry.timestampNanos()) {
      run.clear();
      runIndex = null;
      run.add(entry);
      return false;
    }
    if (runIndex == null && run.size() >= LINEAR_RUN) {
      runIndex = new HashSet<>(run);
    }
    boolean seen = runIndex != null ? !runIndex.add(entry) : run.contains(entry);
    if (seen) {
      dropped++;
      return true;
    }
    run.add(entry);
    return false;
  }

  /** How many entries {@link #repeats} has reported as duplicates. */
  public long dropped() {
    return dropped;
  }
}
