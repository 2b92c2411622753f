package io.skald.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH states holding one generated corpus each, built once per trial ({@code -p corpusMb=…},
 * default 64 MB per shape), and the {@link Bytes} counter every benchmark reports.
 */
public final class Corpora {
  private Corpora() {}

  /** A corpus of one shape; subclasses fix the shape. */
  @State(Scope.Benchmark)
  public abstract static class Base {
    /** Approximate corpus size in MB (10^6 bytes). */
    @Param("64")
    public int corpusMb;

    public Corpus corpus;

    abstract Corpus.Shape shape();

    @Setup(Level.Trial)
    public void generate() {
      corpus = Corpus.generate(shape(), corpusMb);
    }

    /** For callers outside JMH (the smoke test): generates a corpus of {@code mb} MB. */
    public <T extends Base> T withMegabytes(int mb) {
      corpusMb = mb;
      generate();
      @SuppressWarnings("unchecked")
      T self = (T) this;
      return self;
    }
  }

  @State(Scope.Benchmark)
  public static class Plain extends Base {
    @Override
    Corpus.Shape shape() {
      return Corpus.Shape.PLAIN;
    }
  }

  @State(Scope.Benchmark)
  public static class Access extends Base {
    @Override
    Corpus.Shape shape() {
      return Corpus.Shape.ACCESS;
    }
  }

  @State(Scope.Benchmark)
  public static class Json extends Base {
    @Override
    Corpus.Shape shape() {
      return Corpus.Shape.JSON;
    }
  }

  @State(Scope.Benchmark)
  public static class Logfmt extends Base {
    @Override
    Corpus.Shape shape() {
      return Corpus.Shape.LOGFMT;
    }
  }

  /**
   * Input bytes processed, reported by JMH as a rate beside ops/s: the {@code :bytes} line of each
   * benchmark is its input throughput in bytes/s (per core: every benchmark is single-threaded).
   */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Bytes {
    public long bytes;

    @Setup(Level.Iteration)
    public void reset() {
      bytes = 0;
    }
  }
}
