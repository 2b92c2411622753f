package io.skald.querier.engine;

import io.skald.segment.StoredEntry;
import io.skald.segment.StreamMerge;
import java.util.ArrayList;
import java.util.List;

/**
 * One stream's entries as a query reads them ({@link StoreRead#entries}): in ascending time order,
 * exact duplicates dropped and counted into the query's stats. Blocks are fetched as the entries
 * are consumed.
 */
public final class StoredEntries {

  private final StreamMerge<RuntimeException> merge;
  private final QueryStats stats;
  private long duplicatesCounted;

  StoredEntries(StreamMerge<RuntimeException> merge, QueryStats stats) {
    this.merge = merge;
    this.stats = stats;
  }

  /** The next entry, or null when the stream is done. */
  public StoredEntry next() {
    StoredEntry e = merge.next();
    long duplicates = merge.duplicates();
    stats.duplicates += duplicates - duplicatesCounted;
    duplicatesCounted = duplicates;
    return e;
  }

  /** Reads the rest of the stream into memory. */
  public List<StoredEntry> toList() {
    List<StoredEntry> out = new ArrayList<>();
    for (StoredEntry e = next(); e != null; e = next()) {
      out.add(e);
    }
    return out;
  }
}
