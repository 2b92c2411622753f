package io.skald.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The entries of one stream in arrival order, until the writer sorts and de-duplicates them. */
final class StreamBuffer {
  private static final Comparator<PendingEntry> BY_TIME =
      Comparator.comparingLong(e -> e.timestampNanos);

  private final List<PendingEntry> entries = new ArrayList<>();

  void add(PendingEntry entry) {
    entries.add(entry);
  }

  /**
   * Entries by (timestamp, arrival order) without exact duplicates. The sort is stable, so
   * arrival order survives among equal timestamps; duplicates can only share a timestamp, so
   * each run of equal timestamps is de-duplicated on its own.
   */
  List<PendingEntry> sortedUnique() {
    entries.sort(BY_TIME);
    List<PendingEntry> out = new ArrayList<>(entries.size());
    int i = 0;
    while (i < entries.size()) {
      int runEnd = i + 1;
      long ts = entries.get(i).timestampNanos;
      while (runEnd < entries.size() && entries.get(runEnd).timestampNanos == ts) {
        runEnd++;
      }
      if (runEnd - i == 1) {
        out.add(entries.get(i));
      } else {
        Set<PendingEntry> seen = new HashSet<>();
        for (int j = i; j < runEnd; j++) {
          if (seen.add(entries.get(j))) {
            out.add(entries.get(j));
          }
        }
      }
      i = runEnd;
    }
    return out;
  }
}
