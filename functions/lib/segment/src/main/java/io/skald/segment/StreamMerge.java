package io.skald.segment;

import java.util.List;
import java.util.PriorityQueue;

/**
 * The entries of one stream stored in several segments ("parts"), merged in time order with exact
 * duplicates dropped ({@link ExactDuplicates}). Entries with equal timestamps keep the order of the
 * parts as given, then of the blocks within a part, so the first copy of a duplicate is the one
 * kept; this is the order a stable sort of all the parts' entries would give.
 *
 * <p>Blocks are read lazily: a block is read only when its first timestamp is next in line, so only
 * blocks that overlap in time are held at once (usually one). Each block is read as a run of the
 * entries the caller keeps ({@link BlockEntries}), copied out of the block, so the merge never
 * holds a {@link BlockCursor} and may share the thread's decode buffer.
 *
 * @param <X> what reading a block may throw
 */
public final class StreamMerge<X extends Exception> {

  /** Reads the entries of one block that the merge should see, in ascending time order. */
  @FunctionalInterface
  public interface BlockEntries<X extends Exception> {
    /**
     * @param part index of the part in the list given to the merge
     * @return the kept entries (range, filters already applied), possibly none
     */
    List<StoredEntry> read(int part, BlockRef block) throws X;
  }

  /** A block waiting to be read (run null) or the run being merged (next entry at pos). */
  private static final class Head {
    final int part;
    final int block;
    final BlockRef ref;
    List<StoredEntry> run;
    int pos;
    long ts;

    Head(int part, int block, BlockRef ref) {
      this.part = part;
      this.block = block;
      this.ref = ref;
      this.ts = ref.minTimeNanos();
    }
  }

  private final BlockEntries<X> reader;
  private final PriorityQueue<Head> heads = new PriorityQueue<>(StreamMerge::compare);
  private final ExactDuplicates duplicates = new ExactDuplicates();

  /** The head entries were last taken from, kept out of the queue while it stays first. */
  private Head current;

  /**
   * @param parts per part, the blocks to read (any order: each block is a run of its own)
   * @param reader reads one block's kept entries
   */
  public StreamMerge(List<List<BlockRef>> parts, BlockEntries<X> reader) {
    this.reader = reader;
    for (int p = 0; p < parts.size(); p++) {
      List<BlockRef> blocks = parts.get(p);
      for (int b = 0; b < blocks.size(); b++) {
        heads.add(new Head(p, b, blocks.get(b)));
      }
    }
  }

  /** The next entry in time order, or null when every part is done. */
  public StoredEntry next() throws X {
    while (true) {
      Head h = current;
      current = null;
      // Parts rarely overlap, so the run just read from usually stays first: no queue work.
      if (h == null || (!heads.isEmpty() && compare(heads.peek(), h) < 0)) {
        if (h != null) {
          heads.add(h);
        }
        h = heads.poll();
        if (h == null) {
          return null;
        }
      }
      if (h.run == null) {
        h.run = reader.read(h.part, h.ref);
        current = advance(h);
        continue;
      }
      StoredEntry e = h.run.get(h.pos++);
      current = advance(h);
      if (!duplicates.repeats(e)) {
        return e;
      }
    }
  }

  /** Exact duplicates dropped so far. */
  public long duplicates() {
    return duplicates.dropped();
  }

  /** The head again if its run has entries left (keyed by the next one), else null. */
  private static Head advance(Head h) {
    if (h.pos >= h.run.size()) {
      return null;
    }
    h.ts = h.run.get(h.pos).timestampNanos();
    return h;
  }

  private static int compare(Head a, Head b) {
    int c = Long.compare(a.ts, b.ts);
    if (c == 0) {
      c = Integer.compare(a.part, b.part);
    }
    return c != 0 ? c : Integer.compare(a.block, b.block);
  }
}
