package io.skald.compactor.support;

import io.skald.labels.Label;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random log data for property tests: a few streams, timestamps with deliberate collisions,
 * a small line vocabulary (so equal timestamps with different lines occur), some structured
 * metadata, and segments that repeat entries of other segments (chunker replays).
 */
public final class RandomLogs {

  private final Random random;
  private final long dayStart;
  private final List<String> streams = new ArrayList<>();

  public RandomLogs(long seed, LocalDate day) {
    this.random = new Random(seed);
    this.dayStart = Segments.dayStartNanos(day);
    int n = 1 + random.nextInt(6);
    for (int i = 0; i < n; i++) {
      streams.add("{app=\"app" + i + "\", env=\"" + (i % 2 == 0 ? "prod" : "dev") + "\"}");
    }
  }

  public Random random() {
    return random;
  }

  public List<String> streams() {
    return streams;
  }

  /** Timestamps are drawn from a coarse grid over the day, so collisions are common. */
  public Entry entry() {
    String labels = streams.get(random.nextInt(streams.size()));
    long ts = dayStart + (long) random.nextInt(2000) * 43_000_000_000L + random.nextInt(3);
    String line = "msg-" + random.nextInt(40) + (random.nextInt(10) == 0 ? " secret=hunter2" : "");
    List<Label> md =
        random.nextInt(4) == 0
            ? List.of(new Label("trace_id", "t" + random.nextInt(3)))
            : List.of();
    return new Entry(labels, ts, line, md);
  }

  /** {@code count} segments; each has fresh entries and some entries of earlier segments. */
  public List<List<Entry>> segments(int count, int maxEntries) {
    List<List<Entry>> out = new ArrayList<>();
    List<Entry> seen = new ArrayList<>();
    for (int s = 0; s < count; s++) {
      List<Entry> seg = new ArrayList<>();
      int n = 1 + random.nextInt(maxEntries);
      for (int i = 0; i < n; i++) {
        Entry e =
            !seen.isEmpty() && random.nextInt(8) == 0
                ? seen.get(random.nextInt(seen.size()))
                : entry();
        seg.add(e);
      }
      seen.addAll(seg);
      out.add(seg);
    }
    return out;
  }

  /** Random [from, to) windows plus the whole day, the fixed read checks of one run. */
  public List<long[]> windows(int n) {
    List<long[]> out = new ArrayList<>();
    out.add(new long[] {Long.MIN_VALUE, Long.MAX_VALUE});
    for (int i = 0; i < n; i++) {
      long a = dayStart + (long) (random.nextDouble() * 86_400e9);
      long b = a + (long) (random.nextDouble() * 20_000e9);
      out.add(new long[] {a, b});
    }
    return out;
  }
}
