package io.skald.querier.engine;

import io.skald.querier.params.Direction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Keeps the first {@code limit} entries in query direction across all streams (Loki's limit counts
 * entries over the whole result). Result entries with the same result labels, time and line (and,
 * with categorize-labels, the same metadata and parsed labels) are one entry, as in Loki's merge of
 * result streams. The log engine reads blocks out of time order, so this is also where it meets
 * stored duplicates ({@link io.skald.segment.ExactDuplicates}): a stored entry read twice yields
 * the same result entry, kept once.
 */
final class TopEntries {

  record Candidate(
      long ts,
      String labelsText,
      SortedMap<String, String> labels,
      String line,
      SortedMap<String, String> metadata,
      SortedMap<String, String> parsed) {
    Candidate(long ts, String labelsText, SortedMap<String, String> labels, String line) {
      this(ts, labelsText, labels, line, null, null);
    }

    Key key() {
      return new Key(ts, labelsText, line, metadata, parsed);
    }
  }

  private record Key(
      long ts,
      String labelsText,
      String line,
      Map<String, String> metadata,
      Map<String, String> parsed) {}

  private final int limit;
  private final Direction direction;

  /** Head is the entry that would be dropped first: oldest for backward, newest for forward. */
  private final PriorityQueue<Candidate> heap;

  private final Set<Key> present = new HashSet<>();
  private final Comparator<Candidate> order;
  long duplicates;

  TopEntries(int limit, Direction direction) {
    this.limit = limit;
    this.direction = direction;
    Comparator<Candidate> ascending =
        Comparator.comparingLong(Candidate::ts)
            .thenComparing(Candidate::labelsText)
            .thenComparing(Candidate::line)
            .thenComparing(c -> String.valueOf(c.metadata()))
            .thenComparing(c -> String.valueOf(c.parsed()));
    // "order" sorts best-first: newest first for backward, oldest first for forward.
    this.order = direction == Direction.BACKWARD ? ascending.reversed() : ascending;
    this.heap = new PriorityQueue<>(Math.min(limit, 1024) + 1, order.reversed());
  }

  boolean full() {
    return heap.size() >= limit;
  }

  /** Cheap pre-check on the timestamp alone, before the line is decoded. */
  boolean mightAdmit(long ts) {
    if (!full()) {
      return true;
    }
    long worst = heap.peek().ts();
    return direction == Direction.BACKWARD ? ts >= worst : ts <= worst;
  }

  void offer(Candidate c) {
    Key key = c.key();
    if (present.contains(key)) {
      duplicates++;
      return;
    }
    if (full()) {
      Candidate worst = heap.peek();
      if (order.compare(c, worst) >= 0) {
        return;
      }
      heap.poll();
      present.remove(worst.key());
    }
    heap.add(c);
    present.add(key);
  }

  /** The kept entries grouped into streams sorted by label text, each in query direction. */
  List<ResultStream> result() {
    return result(0, Integer.MAX_VALUE);
  }

  /**
   * Like {@link #result()}, thinned the way Loki's {@code interval} parameter does: walking all
   * streams in query direction, an entry is emitted only if it is at least {@code intervalNanos}
   * after (forward) or before (backward) the last emitted one; at most {@code limit} are emitted.
   */
  List<ResultStream> result(long intervalNanos, int limit) {
    List<Candidate> all = new ArrayList<>(heap);
    all.sort(order);
    if (intervalNanos > 0) {
      all = thin(all, intervalNanos, limit);
    }
    Map<String, List<LogEntry>> byStream = new TreeMap<>();
    Map<String, SortedMap<String, String>> labels = new TreeMap<>();
    for (Candidate c : all) {
      byStream
          .computeIfAbsent(c.labelsText(), k -> new ArrayList<>())
          .add(new LogEntry(c.ts(), c.line(), c.metadata(), c.parsed()));
      labels.putIfAbsent(c.labelsText(), c.labels());
    }
    List<ResultStream> out = new ArrayList<>(byStream.size());
    byStream.forEach((text, entries) -> out.add(new ResultStream(labels.get(text), text, entries)));
    return out;
  }

  private List<Candidate> thin(List<Candidate> ordered, long intervalNanos, int limit) {
    List<Candidate> out = new ArrayList<>();
    Long last = null;
    for (Candidate c : ordered) {
      if (out.size() >= limit) {
        break;
      }
      boolean due =
          last == null
              || (direction == Direction.FORWARD
                  ? c.ts() >= last + intervalNanos
                  : c.ts() <= last - intervalNanos);
      if (due) {
        out.add(c);
        last = c.ts();
      }
    }
    return out;
  }

  int size() {
    return heap.size();
  }
}
