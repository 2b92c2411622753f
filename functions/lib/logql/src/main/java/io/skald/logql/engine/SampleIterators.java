package io.skald.logql.engine;

import io.skald.labels.Label;
import io.skald.labels.LabelSet;
import io.skald.logql.log.ExtractedSample;
import io.skald.logql.log.StreamSampleExtractor;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/** Building blocks for {@link SampleSource} implementations. */
public final class SampleIterators {
  private SampleIterators() {}

  /** The entries of one stream in ascending time order, as storage reads them. */
  public interface EntryCursor extends AutoCloseable {
    boolean next();

    long timestampNanos();

    /** Borrowed line bytes, valid until the next call. */
    byte[] lineArray();

    int lineOffset();

    int lineLength();

    /** The entry's structured metadata, may be null or empty. */
    List<Label> structuredMetadata();

    @Override
    default void close() {}
  }

  public static SampleIterator empty() {
    return new SampleIterator() {
      @Override
      public boolean next() {
        return false;
      }

      @Override
      public long timestampNanos() {
        throw new IllegalStateException("empty");
      }

      @Override
      public double value() {
        throw new IllegalStateException("empty");
      }

      @Override
      public LabelSet labels() {
        throw new IllegalStateException("empty");
      }
    };
  }

  /**
   * Runs one stream's entries through its extractor and keeps the samples in {@code [startNanos,
   * endNanos)}. The cursor must be in ascending time order.
   */
  public static SampleIterator extract(
      EntryCursor entries, StreamSampleExtractor extractor, long startNanos, long endNanos) {
    return new SampleIterator() {
      private long ts;
      private double value;
      private LabelSet labels;

      @Override
      public boolean next() {
        while (entries.next()) {
          long t = entries.timestampNanos();
          if (t < startNanos || t >= endNanos) {
            continue;
          }
          ExtractedSample s =
              extractor.process(
                  t,
                  entries.lineArray(),
                  entries.lineOffset(),
                  entries.lineLength(),
                  entries.structuredMetadata());
          if (s.keep()) {
            ts = t;
            value = s.value();
            labels = s.labels();
            return true;
          }
        }
        return false;
      }

      @Override
      public long timestampNanos() {
        return ts;
      }

      @Override
      public double value() {
        return value;
      }

      @Override
      public LabelSet labels() {
        return labels;
      }

      @Override
      public void close() {
        entries.close();
      }
    };
  }

  /**
   * Merges iterators that are each in ascending time order into one in ascending time order. Equal
   * timestamps come in the order of the input list. Closing the result closes all inputs.
   */
  public static SampleIterator merge(List<? extends SampleIterator> inputs) {
    if (inputs.isEmpty()) {
      return empty();
    }
    if (inputs.size() == 1) {
      return inputs.get(0);
    }
    return new Merged(inputs);
  }

  private static final class Merged implements SampleIterator {
    private record Head(SampleIterator it, int order, long ts) {}

    private final List<SampleIterator> all;
    private final PriorityQueue<Head> heap;
    private boolean started;
    private Head current;

    Merged(List<? extends SampleIterator> inputs) {
      this.all = new ArrayList<>(inputs);
      this.heap =
          new PriorityQueue<>(
              inputs.size(),
              (a, b) -> {
                int c = Long.compare(a.ts, b.ts);
                return c != 0 ? c : Integer.compare(a.order, b.order);
              });
    }

    @Override
    public boolean next() {
      if (!started) {
        started = true;
        for (int i = 0; i < all.size(); i++) {
          SampleIterator it = all.get(i);
          if (it.next()) {
            heap.add(new Head(it, i, it.timestampNanos()));
          }
        }
      } else if (current != null && current.it.next()) {
        heap.add(new Head(current.it, current.order, current.it.timestampNanos()));
      }
      current = heap.poll();
      return current != null;
    }

    @Override
    public long timestampNanos() {
      return current.ts;
    }

    @Override
    public double value() {
      return current.it.value();
    }

    @Override
    public LabelSet labels() {
      return current.it.labels();
    }

    @Override
    public void close() {
      RuntimeException first = null;
      for (SampleIterator it : all) {
        try {
          it.close();
        } catch (RuntimeException e) {
          if (first == null) {
            first = e;
          } else {
            first.addSuppressed(e);
          }
        }
      }
      if (first != null) {
        throw first;
      }
    }
  }
}
