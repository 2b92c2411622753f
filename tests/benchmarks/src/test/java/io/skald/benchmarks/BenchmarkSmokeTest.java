package io.skald.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs every benchmark body once on 1 MB corpora and checks the answers are sane, so the build
 * proves the harness works without running the (minutes-long) benchmarks themselves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenchmarkSmokeTest {
  private static final int MB = 1;

  private Corpora.Plain plain;
  private Corpora.Access access;
  private Corpora.Json json;
  private Corpora.Logfmt logfmt;
  private PipelineBenchmark.Pipelines pipelines;

  @BeforeAll
  void setUp() throws Exception {
    plain = new Corpora.Plain().withMegabytes(MB);
    access = new Corpora.Access().withMegabytes(MB);
    json = new Corpora.Json().withMegabytes(MB);
    logfmt = new Corpora.Logfmt().withMegabytes(MB);
    pipelines = new PipelineBenchmark.Pipelines();
    pipelines.compile();
  }

  @Test
  void corporaHaveTheSpecifiedShape() {
    for (Corpus c : new Corpus[] {plain.corpus, access.corpus, json.corpus, logfmt.corpus}) {
      System.out.println(c);
      assertThat(c.bytes()).as(c.toString()).isBetween(1_000_000, 1_000_000 + Corpus.MAX_LINE);
      int min = Integer.MAX_VALUE;
      int max = 0;
      for (int i = 0; i < c.lines(); i++) {
        int len = c.offsets()[i + 1] - c.offsets()[i];
        min = Math.min(min, len);
        max = Math.max(max, len);
      }
      assertThat(min).as(c.toString()).isGreaterThanOrEqualTo(Corpus.MIN_LINE);
      assertThat(max).as(c.toString()).isLessThanOrEqualTo(Corpus.MAX_LINE).isGreaterThan(300);
      // nginx JSON lines have a ≈ 170 B fixed part, so they run longer than the other shapes.
      assertThat(c.bytes() / c.lines())
          .as(c.toString())
          .isBetween(130, c.shape() == Corpus.Shape.JSON ? 215 : 175);
    }
    assertThat(json.corpus.line(0)).startsWith("{\"ts\":").endsWith("}");
    assertThat(logfmt.corpus.line(0)).startsWith("level=");
  }

  @Test
  void corpusIsDeterministicAndIdsDoNotRepeat() {
    Corpus again = Corpus.generate(Corpus.Shape.PLAIN, MB);
    assertThat(again.data()).isEqualTo(plain.corpus.data());
    assertThat(Corpus.generate(Corpus.Shape.PLAIN, 1_000_000, 7).data())
        .isNotEqualTo(plain.corpus.data());
    // Every JSON line has its own id.
    long distinct =
        java.util.stream.IntStream.range(0, json.corpus.lines())
            .mapToObj(
                i -> json.corpus.line(i).substring(0, json.corpus.line(i).indexOf("\",\"req\"")))
            .map(s -> s.substring(s.lastIndexOf('"') + 1))
            .distinct()
            .count();
    assertThat(distinct).isEqualTo(json.corpus.lines());
  }

  @Test
  void pipelineBenchmarksKeepTheExpectedShareOfLines() {
    PipelineBenchmark b = new PipelineBenchmark();
    Corpora.Bytes bytes = new Corpora.Bytes();
    int plainLines = plain.corpus.lines();
    assertShare(b.lineFilterLiteral(pipelines, plain, bytes), plainLines, 0.002, 0.05);
    assertShare(b.lineFilterRegexCaseInsensitive(pipelines, plain, bytes), plainLines, 0.005, 0.06);
    assertShare(b.lineFilterNegative(pipelines, plain, bytes), plainLines, 0.8, 0.99);
    assertShare(b.json(pipelines, json, bytes), json.corpus.lines(), 1.0, 1.0);
    assertShare(b.jsonStatusFilter(pipelines, json, bytes), json.corpus.lines(), 0.02, 0.09);
    assertShare(b.logfmt(pipelines, logfmt, bytes), logfmt.corpus.lines(), 1.0, 1.0);
    assertShare(b.logfmtDurationFilter(pipelines, logfmt, bytes), logfmt.corpus.lines(), 0.2, 0.6);
    assertShare(b.patternStatusFilter(pipelines, access, bytes), access.corpus.lines(), 0.02, 0.09);
    assertThat(bytes.bytes)
        .isEqualTo(
            3L * plain.corpus.bytes()
                + 2L * json.corpus.bytes()
                + 2L * logfmt.corpus.bytes()
                + access.corpus.bytes());
    // Parsers extract labels: more than the 3 stream labels per kept line on average.
    long jsonRun = b.json(pipelines, json, bytes);
    assertThat((jsonRun >>> 32) / PipelineBenchmark.kept(jsonRun)).isGreaterThanOrEqualTo(8);
    long logfmtRun = b.logfmt(pipelines, logfmt, bytes);
    assertThat((logfmtRun >>> 32) / PipelineBenchmark.kept(logfmtRun)).isGreaterThanOrEqualTo(8);
  }

  @Test
  void literalFilterAgreesWithTheSubstringScanBound() {
    BoundsBenchmark.Input in = bounds("PLAIN");
    long scanHits = new BoundsBenchmark().substringScan(in, new Corpora.Bytes());
    long filterKept =
        PipelineBenchmark.kept(
            new PipelineBenchmark().lineFilterLiteral(pipelines, plain, new Corpora.Bytes()));
    assertThat(scanHits)
        .isPositive()
        .isEqualTo(filterKept); // the needle occurs at most once a line
  }

  @Test
  void boundsBenchmarksRoundTrip() {
    BoundsBenchmark b = new BoundsBenchmark();
    for (String shape : new String[] {"PLAIN", "JSON", "LOGFMT"}) {
      BoundsBenchmark.Input in = bounds(shape);
      try {
        Corpora.Bytes bytes = new Corpora.Bytes();
        assertThat(b.byteScan(in, bytes)).isZero();
        long compressed = b.zstdCompress3(in, bytes);
        assertThat(compressed).isPositive().isLessThan(in.corpus.bytes() / 2);
        assertThat(b.zstdDecompress(in, bytes)).isEqualTo(in.corpus.bytes());
        assertThat(Arrays.copyOf(in.scratch, in.rawLengths[in.rawLengths.length - 1]))
            .isEqualTo(
                Arrays.copyOfRange(
                    in.corpus.data(),
                    (in.rawLengths.length - 1) * BoundsBenchmark.ZSTD_BLOCK,
                    in.corpus.bytes()));
        assertThat(bytes.bytes).isEqualTo(3L * in.corpus.bytes());
        // Unique IDs keep zstd honest: a 1 MB corpus should not compress beyond ~10x.
        assertThat(in.compressionRatio()).isBetween(2.0, 12.0);
      } finally {
        in.tearDown();
      }
    }
  }

  @Test
  void segmentBenchmarksEncodeAndDecodeTheWholeCorpus() throws Exception {
    SegmentBenchmark.Segment s = new SegmentBenchmark.Segment();
    s.build(plain);
    assertThat(s.rawBytes).isEqualTo(plain.corpus.bytes());
    SegmentBenchmark b = new SegmentBenchmark();
    SegmentBenchmark.FilledWriter w = new SegmentBenchmark.FilledWriter();
    w.fill(s);
    Corpora.Bytes bytes = new Corpora.Bytes();
    assertThat(b.writerFinish(s, w, bytes)).isEqualTo(s.segment.length);
    assertThat(bytes.bytes).isEqualTo(plain.corpus.bytes());
    long expectedSum = plain.corpus.bytes();
    for (int i = 0; i < plain.corpus.lines(); i++) {
      expectedSum += SegmentBenchmark.START_NANOS + i * 1_000_000L;
    }
    assertThat(b.blockCursorIterate(s, bytes)).isEqualTo(expectedSum);
    SegmentBenchmark.Literal literal = new SegmentBenchmark.Literal();
    literal.compile();
    assertThat(b.blockCursorLiteralFilter(s, literal, bytes))
        .isEqualTo(
            PipelineBenchmark.kept(
                new PipelineBenchmark().lineFilterLiteral(pipelines, plain, new Corpora.Bytes())));
    // 300 streams of ≈ 20 lines each in 1 MB: small blocks, so a modest ratio.
    assertThat(s.compressionRatio()).isBetween(1.3, 12.0);
  }

  private static BoundsBenchmark.Input bounds(String shape) {
    BoundsBenchmark.Input in = new BoundsBenchmark.Input();
    in.shape = shape;
    in.corpusMb = MB;
    in.setUp();
    return in;
  }

  private static void assertShare(long runResult, int lines, double min, double max) {
    long kept = PipelineBenchmark.kept(runResult);
    assertThat(kept).isPositive();
    assertThat((double) kept / lines).isBetween(min, max);
  }
}
