package io.skald.compactor.support;

import io.skald.index.TenantDayIndex;
import io.skald.storage.ObjectStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** A fixed set of reads (every stream × every window) and what a model says they return. */
public final class ReadChecks {

  private final List<String> streams;
  private final List<long[]> windows;

  public ReadChecks(List<String> streams, List<long[]> windows) {
    this.streams = List.copyOf(streams);
    this.windows = List.copyOf(windows);
  }

  /** Results of every check through the current index. */
  public List<List<Entry>> run(ObjectStore store, String tenant, LocalDate day) throws Exception {
    SimpleReader reader = new SimpleReader(store);
    List<List<Entry>> out = new ArrayList<>();
    for (String s : streams) {
      for (long[] w : windows) {
        out.add(reader.read(tenant, day, s, w[0], w[1]));
      }
    }
    return out;
  }

  /** Results of every check through an index copy loaded earlier. */
  public List<List<Entry>> run(ObjectStore store, TenantDayIndex snapshot) throws Exception {
    SimpleReader reader = new SimpleReader(store);
    List<List<Entry>> out = new ArrayList<>();
    for (String s : streams) {
      for (long[] w : windows) {
        out.add(reader.read(snapshot, s, w[0], w[1]));
      }
    }
    return out;
  }

  /** What the checks must return for this set of written entries (duplicates collapse). */
  public List<List<Entry>> expected(Collection<Entry> written) {
    TreeSet<Entry> all = new TreeSet<>(Entry.ORDER);
    all.addAll(written);
    List<List<Entry>> out = new ArrayList<>();
    for (String s : streams) {
      for (long[] w : windows) {
        out.add(
            all.stream()
                .filter(e -> e.labels().equals(s) && e.ts() >= w[0] && e.ts() < w[1])
                .toList());
      }
    }
    return out;
  }
}
