package io.skald.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The entries of one stream in arrival order, until the writer sorts and de-duplicates them. */
final class StreamBuffer {
  private static final Comparator<StoredEntry> BY_TIME =
      Comparator.comparingLong(StoredEntry::timestampNanos);

  private final List<StoredEntry> entries = new ArrayList<>();

  void add(StoredEntry entry) {
    entries.add(entry);
  }

  /**
   * Entries by (timestamp, arrival order) without exact duplicates ({@link ExactDuplicates}). The
   * sort is stable, so arrival order survives among equal timestamps and the first copy is kept.
   */
  List<StoredEntry> sortedUnique() {
    entries.sort(BY_TIME);
    ExactDuplicates duplicates = new ExactDuplicates();
    List<StoredEntry> out = new ArrayList<>(entries.size());
    for (StoredEntry e : entries) {
      if (!duplicates.repeats(e)) {
        out.add(e);
      }
    }
    return out;
  }
}
