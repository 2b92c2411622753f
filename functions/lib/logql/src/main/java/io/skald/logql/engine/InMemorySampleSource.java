package io.skald.logql.engine;

import io.skald.labels.Label;
import io.skald.labels.LabelSet;
import io.skald.labels.Matcher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link SampleSource} over streams held in memory: selects the streams by their matchers, runs
 * the query's real pipeline and {@link io.skald.logql.log.SampleExtractor} over their entries, and
 * merges the samples by time. For tests and small data sets; it also records the selections it
 * received.
 */
public final class InMemorySampleSource implements SampleSource {

  /** One log entry. */
  public record Entry(long timestampNanos, String line, List<Label> structuredMetadata) {
    public Entry {
      structuredMetadata = structuredMetadata == null ? List.of() : List.copyOf(structuredMetadata);
    }

    public Entry(long timestampNanos, String line) {
      this(timestampNanos, line, List.of());
    }
  }

  /** One stream: its indexed labels and its entries (any order; sorted when selected). */
  public record Stream(LabelSet labels, List<Entry> entries) {
    public Stream {
      List<Entry> sorted = new ArrayList<>(entries);
      sorted.sort(Comparator.comparingLong(Entry::timestampNanos));
      entries = List.copyOf(sorted);
    }
  }

  private final List<Stream> streams;
  private final List<SampleSelection> selections = Collections.synchronizedList(new ArrayList<>());

  public InMemorySampleSource(List<Stream> streams) {
    this.streams = List.copyOf(streams);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The selections received so far, in order. */
  public List<SampleSelection> selections() {
    synchronized (selections) {
      return List.copyOf(selections);
    }
  }

  @Override
  public SampleIterator select(SampleSelection selection) {
    selections.add(selection);
    List<SampleIterator> perStream = new ArrayList<>();
    for (Stream s : streams) {
      if (matches(selection.matchers(), s.labels())) {
        perStream.add(
            SampleIterators.extract(
                new Cursor(s.entries()),
                selection.extractor().forStream(s.labels()),
                selection.startNanos(),
                selection.endNanos()));
      }
    }
    return SampleIterators.merge(perStream);
  }

  static boolean matches(List<Matcher> matchers, LabelSet labels) {
    for (Matcher m : matchers) {
      String v = labels.get(m.name());
      if (!m.matches(v == null ? "" : v)) {
        return false;
      }
    }
    return true;
  }

  private static final class Cursor implements SampleIterators.EntryCursor {
    private final List<Entry> entries;
    private int i = -1;
    private byte[] line;

    Cursor(List<Entry> entries) {
      this.entries = entries;
    }

    @Override
    public boolean next() {
      if (++i >= entries.size()) {
        return false;
      }
      line = entries.get(i).line().getBytes(StandardCharsets.UTF_8);
      return true;
    }

    @Override
    public long timestampNanos() {
      return entries.get(i).timestampNanos();
    }

    @Override
    public byte[] lineArray() {
      return line;
    }

    @Override
    public int lineOffset() {
      return 0;
    }

    @Override
    public int lineLength() {
      return line.length;
    }

    @Override
    public List<Label> structuredMetadata() {
      return entries.get(i).structuredMetadata();
    }
  }

  /** Collects streams: {@code builder().stream("app", "api").add(ts, "line").build()}. */
  public static final class Builder {
    private final List<LabelSet> labels = new ArrayList<>();
    private final List<List<Entry>> entries = new ArrayList<>();

    /** Starts a stream with the given {@code name, value, ...} labels. */
    public Builder stream(String... nameValues) {
      return stream(LabelSet.of(nameValues));
    }

    public Builder stream(LabelSet streamLabels) {
      labels.add(streamLabels);
      entries.add(new ArrayList<>());
      return this;
    }

    /** Adds an entry to the current stream. */
    public Builder add(long timestampNanos, String line) {
      return add(new Entry(timestampNanos, line));
    }

    /** Adds an entry with structured metadata {@code name, value, ...}. */
    public Builder add(long timestampNanos, String line, String... metadata) {
      List<Label> sm = new ArrayList<>();
      for (int i = 0; i + 1 < metadata.length; i += 2) {
        sm.add(new Label(metadata[i], metadata[i + 1]));
      }
      return add(new Entry(timestampNanos, line, sm));
    }

    public Builder add(Entry e) {
      if (entries.isEmpty()) {
        throw new IllegalStateException("call stream(...) first");
      }
      entries.get(entries.size() - 1).add(e);
      return this;
    }

    public InMemorySampleSource build() {
      List<Stream> out = new ArrayList<>(labels.size());
      for (int i = 0; i < labels.size(); i++) {
        out.add(new Stream(labels.get(i), entries.get(i)));
      }
      return new InMemorySampleSource(out);
    }
  }
}
