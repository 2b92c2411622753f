package io.skald.compactor.support;

import io.skald.labels.Label;
import java.util.Comparator;
import java.util.List;

/** One log entry as tests write and read it. */
public record Entry(String labels, long ts, String line, List<Label> metadata) {

  public static final Comparator<Entry> ORDER =
      Comparator.comparing(Entry::labels)
          .thenComparingLong(Entry::ts)
          .thenComparing(Entry::line)
          .thenComparing(e -> e.metadata().toString());

  public Entry {
    metadata = List.copyOf(metadata);
  }

  public static Entry of(String labels, long ts, String line) {
    return new Entry(labels, ts, line, List.of());
  }
}
