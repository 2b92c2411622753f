package io.skald.benchmarks;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The physical bounds the pipeline and segment figures are compared with, measured over the same
 * generated corpora in the same run: a substring search over the whole corpus held as a compact
 * (Latin-1) string, a plain byte scan, and zstd level-3 compression and decompression in 256 KiB
 * blocks (the segment format's block size).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class BoundsBenchmark {
  /** The literal the line-filter benchmark looks for (≈ 1 % of plain lines). */
  public static final String NEEDLE = PipelineBenchmark.LITERAL_NEEDLE;

  public static final int ZSTD_BLOCK = 256 * 1024;
  public static final int ZSTD_LEVEL = 3;

  /** One corpus per shape, with its 256 KiB blocks compressed once for the decompression bound. */
  @State(Scope.Benchmark)
  public static class Input {
    @Param({"PLAIN", "JSON", "LOGFMT"})
    public String shape;

    @Param("64")
    public int corpusMb;

    public Corpus corpus;
    public String text;
    public byte[][] compressed;
    public int[] rawLengths;
    byte[] scratch;
    ZstdCompressCtx cctx;
    ZstdDecompressCtx dctx;

    @Setup(Level.Trial)
    public void setUp() {
      corpus = Corpus.generate(Corpus.Shape.valueOf(shape), corpusMb);
      text = corpus.asLatin1String();
      cctx = new ZstdCompressCtx();
      cctx.setLevel(ZSTD_LEVEL);
      dctx = new ZstdDecompressCtx();
      scratch = new byte[(int) Zstd.compressBound(ZSTD_BLOCK)];
      int blocks = (corpus.bytes() + ZSTD_BLOCK - 1) / ZSTD_BLOCK;
      compressed = new byte[blocks][];
      rawLengths = new int[blocks];
      for (int b = 0; b < blocks; b++) {
        int off = b * ZSTD_BLOCK;
        int len = Math.min(ZSTD_BLOCK, corpus.bytes() - off);
        int n = cctx.compressByteArray(scratch, 0, scratch.length, corpus.data(), off, len);
        compressed[b] = java.util.Arrays.copyOf(scratch, n);
        rawLengths[b] = len;
      }
    }

    /** Raw ÷ compressed bytes of the 256 KiB-block zstd-3 encoding. */
    public double compressionRatio() {
      long c = 0;
      for (byte[] b : compressed) {
        c += b.length;
      }
      return (double) corpus.bytes() / c;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      cctx.close();
      dctx.close();
    }
  }

  /** Substring-scan bound: {@code String.indexOf} over the whole corpus, counting needle hits. */
  @Benchmark
  public long substringScan(Input in, Corpora.Bytes bytes) {
    String s = in.text;
    int hits = 0;
    for (int i = s.indexOf(NEEDLE); i >= 0; i = s.indexOf(NEEDLE, i + NEEDLE.length())) {
      hits++;
    }
    bytes.bytes += in.corpus.bytes();
    return hits;
  }

  /** Memory-bandwidth-style bound: a byte loop touching every byte once. */
  @Benchmark
  public long byteScan(Input in, Corpora.Bytes bytes) {
    byte[] d = in.corpus.data();
    long newlines = 0;
    for (int i = 0, n = in.corpus.bytes(); i < n; i++) {
      if (d[i] == '\n') {
        newlines++;
      }
    }
    bytes.bytes += in.corpus.bytes();
    return newlines;
  }

  /** zstd level 3 over the corpus in 256 KiB blocks (the compress bound). */
  @Benchmark
  public long zstdCompress3(Input in, Corpora.Bytes bytes) {
    long out = 0;
    byte[] d = in.corpus.data();
    for (int off = 0, total = in.corpus.bytes(); off < total; off += ZSTD_BLOCK) {
      int len = Math.min(ZSTD_BLOCK, total - off);
      out += in.cctx.compressByteArray(in.scratch, 0, in.scratch.length, d, off, len);
    }
    bytes.bytes += in.corpus.bytes();
    return out;
  }

  /** zstd decompression of the same 256 KiB blocks (the decompress bound). */
  @Benchmark
  public long zstdDecompress(Input in, Corpora.Bytes bytes) {
    long out = 0;
    byte[] dst = in.scratch;
    for (int b = 0; b < in.compressed.length; b++) {
      byte[] c = in.compressed[b];
      out += in.dctx.decompressByteArray(dst, 0, in.rawLengths[b], c, 0, c.length);
    }
    bytes.bytes += out;
    return out;
  }
}
