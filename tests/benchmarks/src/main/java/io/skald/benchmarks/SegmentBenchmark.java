package io.skald.benchmarks;

import io.skald.logql.log.PipelineResult;
import io.skald.logql.log.StreamPipeline;
import io.skald.logql.syntax.ParseException;
import io.skald.segment.BlockCursor;
import io.skald.segment.BlockRef;
import io.skald.segment.CorruptSegmentException;
import io.skald.segment.SegmentFooter;
import io.skald.segment.SegmentReader;
import io.skald.segment.SegmentWriter;
import io.skald.segment.StreamInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The segment format over the plain corpus spread round-robin over {@value #STREAMS} streams:
 * {@link SegmentWriter#finish()} (sort, block encoding, zstd-3 compression; the appends happen in
 * the per-invocation setup and are not timed), decoding every block and iterating it with a {@link
 * BlockCursor}, and the same decode followed by the literal line filter (a query's scan path).
 * Throughput is raw line bytes per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class SegmentBenchmark {
  public static final int STREAMS = 300;
  public static final long START_NANOS = 1_714_521_600_000_000_000L;

  /** The stream selector of line {@code i}. */
  static String streamOf(int i) {
    int s = i % STREAMS;
    return "{app=\"app-" + (s % 30) + "\", env=\"prod\", host=\"host-" + s + "\"}";
  }

  /** The corpus as per-line arrays and one finished segment with its blocks pre-sliced. */
  @State(Scope.Thread)
  public static class Segment {
    public byte[][] lines;
    public String[] streams;
    public byte[] segment;
    public List<BlockRef> blockRefs;
    public List<byte[]> blockBytes;
    public long rawBytes;

    @Setup(Level.Trial)
    public void build(Corpora.Plain plain) throws CorruptSegmentException {
      Corpus c = plain.corpus;
      lines = new byte[c.lines()][];
      streams = new String[STREAMS];
      for (int s = 0; s < STREAMS; s++) {
        streams[s] = streamOf(s);
      }
      for (int i = 0; i < c.lines(); i++) {
        lines[i] = Arrays.copyOfRange(c.data(), c.offsets()[i], c.offsets()[i + 1]);
      }
      segment = fill(new SegmentWriter()).finish();
      SegmentFooter footer = SegmentReader.readFooter(segment);
      blockRefs = new ArrayList<>();
      blockBytes = new ArrayList<>();
      for (StreamInfo s : footer.streams()) {
        for (BlockRef b : s.blocks()) {
          blockRefs.add(b);
          blockBytes.add(
              Arrays.copyOfRange(segment, (int) b.offset(), (int) b.offset() + b.length()));
          rawBytes += b.rawBytes();
        }
      }
    }

    /** Appends the whole corpus to {@code w}. */
    public SegmentWriter fill(SegmentWriter w) {
      for (int i = 0; i < lines.length; i++) {
        w.append(streams[i % STREAMS], START_NANOS + i * 1_000_000L, lines[i], List.of());
      }
      return w;
    }

    /** Raw ÷ stored bytes of the segment. */
    public double compressionRatio() {
      return (double) rawBytes / segment.length;
    }
  }

  /** A writer holding the whole corpus, filled before each (timed) {@code finish()}. */
  @State(Scope.Thread)
  public static class FilledWriter {
    public SegmentWriter writer;

    @Setup(Level.Invocation)
    public void fill(Segment s) {
      writer = s.fill(new SegmentWriter());
    }
  }

  @State(Scope.Thread)
  public static class Literal {
    public StreamPipeline pipeline;

    @Setup(Level.Trial)
    public void compile() throws ParseException {
      pipeline = PipelineBenchmark.Pipelines.compile(PipelineBenchmark.LITERAL);
    }
  }

  /** Encode: sort, cut 256 KiB blocks, zstd-3 compress, footer. Returns the segment size. */
  @Benchmark
  public long writerFinish(Segment s, FilledWriter w, Corpora.Bytes b) {
    long raw = w.writer.rawBytes();
    byte[] out = w.writer.finish();
    w.writer = null;
    b.bytes += raw;
    return out.length;
  }

  /** Decode: verify, decompress and decode every block, iterate every entry. */
  @Benchmark
  public long blockCursorIterate(Segment s, Corpora.Bytes b) throws CorruptSegmentException {
    long sum = 0;
    for (int k = 0; k < s.blockRefs.size(); k++) {
      BlockCursor c = SegmentReader.openBlock(s.blockBytes.get(k), s.blockRefs.get(k));
      while (c.next()) {
        sum += c.lineLength() + c.timestampNanos();
      }
    }
    b.bytes += s.rawBytes;
    return sum;
  }

  /** Decode plus {@code |= "Connection refused"}: the scan path of a literal query. */
  @Benchmark
  public long blockCursorLiteralFilter(Segment s, Literal l, Corpora.Bytes b)
      throws CorruptSegmentException {
    long kept = 0;
    for (int k = 0; k < s.blockRefs.size(); k++) {
      BlockCursor c = SegmentReader.openBlock(s.blockBytes.get(k), s.blockRefs.get(k));
      while (c.next()) {
        PipelineResult r =
            l.pipeline.process(
                c.timestampNanos(), c.lineArray(), c.lineOffset(), c.lineLength(), null);
        if (r.keep()) {
          kept++;
        }
      }
    }
    b.bytes += s.rawBytes;
    return kept;
  }
}
