package io.skald.compactor.merge;

import io.skald.labels.Label;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The entries of one stream gathered from several segments, sorted and de-duplicated. */
final class StreamEntries {

  /** Equality is content (timestamp, line bytes, metadata in order): exactly the duplicate rule. */
  record Entry(long timestampNanos, byte[] line, List<Label> metadata) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Entry e && e.timestampNanos == timestampNanos
          && Arrays.equals(e.line, line) && e.metadata.equals(metadata);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(line) + metadata.hashCode();
    }
  }

  private List<Entry> entries = new ArrayList<>();

  void add(long ts, byte[] line, List<Label> metadata) {
    entries.add(new Entry(ts, line, metadata));
  }

  /**
   * Sorts by timestamp (stable, so input order survives among equal timestamps) and drops exact
   * duplicates; duplicates share a timestamp, so only runs of equal timestamps are compared.
   * Returns how many were dropped.
   */
  int sortAndDeduplicate() {
    entries.sort(Comparator.comparingLong(Entry::timestampNanos));
    List<Entry> out = new ArrayList<>(entries.size());
    int i = 0;
    while (i < entries.size()) {
      int end = i + 1;
      long ts = entries.get(i).timestampNanos;
      while (end < entries.size() && entries.get(end).timestampNanos == ts) {
        end++;
      }
      if (end - i == 1) {
        out.add(entries.get(i));
      } else {
        Set<Entry> seen = new HashSet<>();
        for (int j = i; j < end; j++) {
          if (seen.add(entries.get(j))) {
            out.add(entries.get(j));
          }
        }
      }
      i = end;
    }
    int dropped = entries.size() - out.size();
    entries = out;
    return dropped;
  }

  List<Entry> list() {
    return entries;
  }
}
