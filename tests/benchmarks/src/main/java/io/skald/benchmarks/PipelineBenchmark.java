package io.skald.benchmarks;

import io.skald.labels.LabelSet;
import io.skald.logql.log.Pipeline;
import io.skald.logql.log.PipelineResult;
import io.skald.logql.log.StreamPipeline;
import io.skald.logql.syntax.LogQL;
import io.skald.logql.syntax.ParseException;
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
 * LogQL log pipeline stages through the real {@link Pipeline} API, one thread, over the generated
 * corpora. One operation runs the pipeline over every line of the corpus, as the querier does per
 * decoded block, and reads the labels of every kept line (what the querier does with a result).
 * Each returns the number of kept lines.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class PipelineBenchmark {
  public static final String LITERAL_NEEDLE = "Connection refused";
  public static final String LITERAL = "{app=\"bench\"} |= \"" + LITERAL_NEEDLE + "\"";
  public static final String REGEX_CI = "{app=\"bench\"} |~ \"(?i)timeout\"";

  /** A needle with k and s, the letters whose case folds leave ASCII (Kelvin sign, long s). */
  public static final String REGEX_CI_FOLDS = "{app=\"bench\"} |~ \"(?i)deadlock\"";

  public static final String NEGATIVE = "{app=\"bench\"} != \"GET\"";
  public static final String JSON = "{app=\"bench\"} | json";
  public static final String JSON_STATUS = "{app=\"bench\"} | json | status >= 500";
  public static final String LOGFMT = "{app=\"bench\"} | logfmt";
  public static final String LOGFMT_DURATION = "{app=\"bench\"} | logfmt | duration > 250ms";
  public static final String PATTERN_STATUS =
      "{app=\"bench\"} | pattern `<ip> - - <_> \"<method> <path> <_>\" <status> <_>` | status >= 500";

  /** The stream every line belongs to. */
  public static final LabelSet STREAM =
      LabelSet.of("app", "bench", "env", "prod", "host", "host-7");

  /** The compiled pipelines, one per query, for this thread. */
  @State(Scope.Thread)
  public static class Pipelines {
    public StreamPipeline literal;
    public StreamPipeline regexCaseInsensitive;
    public StreamPipeline regexCaseInsensitiveFolds;
    public StreamPipeline negative;
    public StreamPipeline json;
    public StreamPipeline jsonStatus;
    public StreamPipeline logfmt;
    public StreamPipeline logfmtDuration;
    public StreamPipeline patternStatus;

    @Setup(Level.Trial)
    public void compile() throws ParseException {
      literal = compile(LITERAL);
      regexCaseInsensitive = compile(REGEX_CI);
      regexCaseInsensitiveFolds = compile(REGEX_CI_FOLDS);
      negative = compile(NEGATIVE);
      json = compile(JSON);
      jsonStatus = compile(JSON_STATUS);
      logfmt = compile(LOGFMT);
      logfmtDuration = compile(LOGFMT_DURATION);
      patternStatus = compile(PATTERN_STATUS);
    }

    public static StreamPipeline compile(String query) throws ParseException {
      return Pipeline.compile(LogQL.parseLogSelector(query).pipeline()).forStream(STREAM);
    }
  }

  /** Runs {@code p} over every line; returns the kept lines and counts the input bytes. */
  public static long run(StreamPipeline p, Corpus corpus, Corpora.Bytes bytes) {
    byte[] d = corpus.data();
    int[] off = corpus.offsets();
    long kept = 0;
    long labels = 0;
    for (int i = 0, n = corpus.lines(); i < n; i++) {
      PipelineResult r = p.process(i, d, off[i], off[i + 1] - off[i], null);
      if (r.keep()) {
        kept++;
        labels += r.labels().size();
      }
    }
    bytes.bytes += corpus.bytes();
    return kept + (labels << 32);
  }

  /** Extracts the kept-line count from a {@link #run} result. */
  public static long kept(long runResult) {
    return runResult & 0xffff_ffffL;
  }

  @Benchmark
  public long lineFilterLiteral(Pipelines p, Corpora.Plain c, Corpora.Bytes b) {
    return run(p.literal, c.corpus, b);
  }

  @Benchmark
  public long lineFilterRegexCaseInsensitive(Pipelines p, Corpora.Plain c, Corpora.Bytes b) {
    return run(p.regexCaseInsensitive, c.corpus, b);
  }

  @Benchmark
  public long lineFilterRegexCaseInsensitiveWithKOrS(
      Pipelines p, Corpora.Plain c, Corpora.Bytes b) {
    return run(p.regexCaseInsensitiveFolds, c.corpus, b);
  }

  @Benchmark
  public long lineFilterNegative(Pipelines p, Corpora.Plain c, Corpora.Bytes b) {
    return run(p.negative, c.corpus, b);
  }

  @Benchmark
  public long json(Pipelines p, Corpora.Json c, Corpora.Bytes b) {
    return run(p.json, c.corpus, b);
  }

  @Benchmark
  public long jsonStatusFilter(Pipelines p, Corpora.Json c, Corpora.Bytes b) {
    return run(p.jsonStatus, c.corpus, b);
  }

  @Benchmark
  public long logfmt(Pipelines p, Corpora.Logfmt c, Corpora.Bytes b) {
    return run(p.logfmt, c.corpus, b);
  }

  @Benchmark
  public long logfmtDurationFilter(Pipelines p, Corpora.Logfmt c, Corpora.Bytes b) {
    return run(p.logfmtDuration, c.corpus, b);
  }

  @Benchmark
  public long patternStatusFilter(Pipelines p, Corpora.Access c, Corpora.Bytes b) {
    return run(p.patternStatus, c.corpus, b);
  }
}
