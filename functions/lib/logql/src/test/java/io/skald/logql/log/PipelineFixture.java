package io.skald.logql.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.skald.labels.Label;
import io.skald.labels.LabelSet;
import io.skald.logql.syntax.LogQL;
import io.skald.logql.syntax.LogSelectorExpr;
import io.skald.logql.syntax.LogqlAssertions;
import io.skald.logql.syntax.ParseException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs a pipeline written as LogQL ({@code | json | a="b"}) over one entry, after checking the
 * query's parse→print round trip. Lines are embedded in a larger array so stages that ignore the
 * buffer offset fail.
 */
final class PipelineFixture {
  private PipelineFixture() {}

  static Pipeline compile(String pipeline) {
    String query = "{app=\"x\"} " + pipeline;
    LogqlAssertions.assertRoundTrip(query);
    try {
      LogSelectorExpr expr = LogQL.parseLogSelector(query);
      return Pipeline.compile(expr.pipeline());
    } catch (ParseException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /** The compile error of a pipeline that parses but is refused when built. */
  static String compileError(String pipeline) {
    try {
      Pipeline.compile(LogQL.parseLogSelector("{app=\"x\"} " + pipeline).pipeline());
    } catch (ParseException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected a compile error for " + pipeline);
  }

  static Result run(String pipeline, LabelSet stream, LabelSet metadata, String line) {
    return run(pipeline, stream, metadata, line, 0);
  }

  static Result run(String pipeline, LabelSet stream, LabelSet metadata, String line, long ts) {
    StreamPipeline p = compile(pipeline).forStream(stream);
    byte[] body = line.getBytes(StandardCharsets.UTF_8);
    byte[] padded = new byte[body.length + 4];
    padded[0] = '{';
    padded[1] = '"';
    System.arraycopy(body, 0, padded, 2, body.length);
    padded[body.length + 2] = '"';
    padded[body.length + 3] = '}';
    List<Label> sm = metadata == null ? null : metadata.asList();
    PipelineResult sliced = p.process(ts, padded, 2, body.length, sm);
    Result first = new Result(sliced.keep(), sliced.lineAsString(), sliced.labels());
    PipelineResult whole = p.process(ts, body, 0, body.length, sm);
    Result second = new Result(whole.keep(), whole.lineAsString(), whole.labels());
    assertThat(second)
        .as("whole array and slice agree for %s on %s", pipeline, line)
        .isEqualTo(first);
    return first;
  }

  static Result run(String pipeline, LabelSet stream, String line) {
    return run(pipeline, stream, null, line);
  }

  static Result run(String pipeline, String line) {
    return run(pipeline, LabelSet.EMPTY, null, line);
  }

  record Result(boolean keep, String line, LabelSet labels) {
    /** The labels in Loki's test notation, e.g. {a="1", b="2"}. */
    String labelsText() {
      return labels.toString();
    }
  }
}
