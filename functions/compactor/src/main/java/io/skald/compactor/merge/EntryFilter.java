package io.skald.compactor.merge;

import io.skald.segment.BlockCursor;

/**
 * Decides, per stream and then per entry, what a rewrite leaves out. Merges keep everything;
 * retention drops whole streams; deletes drop matching lines.
 */
@FunctionalInterface
public interface EntryFilter {

  /** Keeps every entry. */
  EntryFilter KEEP_ALL = labels -> StreamFilter.KEEP_ALL;

  /** The filter for the stream with these canonical labels. */
  StreamFilter forStream(String labels);

  /** Per-entry part of an {@link EntryFilter}. */
  @FunctionalInterface
  interface StreamFilter {

    /** Keeps the whole stream without looking at entries. */
    StreamFilter KEEP_ALL = (ts, entry) -> false;

    /** Drops the whole stream without reading its blocks. */
    StreamFilter DROP_ALL = (ts, entry) -> true;

    /** Whether to leave out the entry the cursor is on. */
    boolean drop(long timestampNanos, BlockCursor entry);
  }
}
