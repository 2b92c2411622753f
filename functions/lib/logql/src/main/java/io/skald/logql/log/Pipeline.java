package io.skald.logql.log;

import io.skald.labels.LabelSet;
import io.skald.logql.syntax.ParseException;
import io.skald.logql.syntax.StageExpr;
import java.util.List;

/**
 * A compiled log pipeline for one query. Immutable and shareable; call {@link #forStream} once per
 * stream to get the (single-threaded) processor for that stream's entries.
 */
public final class Pipeline {
  private static final Pipeline NOOP = new Pipeline(List.of());

  private final List<Stage> stages;

  Pipeline(List<Stage> stages) {
    this.stages = List.copyOf(stages);
  }

  /**
   * Compiles the stages of a log selector.
   *
   * @throws ParseException {@code parse error : stage '<stage>' : <reason>} when a stage is invalid
   *     (bad regex, ip pattern, ...), as Loki reports it (HTTP 400)
   */
  public static Pipeline compile(List<StageExpr> stages) throws ParseException {
    if (stages.isEmpty()) {
      return NOOP;
    }
    return new Pipeline(StageCompiler.compile(stages));
  }

  public static Pipeline noop() {
    return NOOP;
  }

  public boolean isNoop() {
    return stages.isEmpty();
  }

  public StreamPipeline forStream(LabelSet streamLabels) {
    Stage[] perStream = new Stage[stages.size()];
    for (int i = 0; i < perStream.length; i++) {
      perStream[i] = stages.get(i).forStream();
    }
    return new StreamPipeline(perStream, streamLabels);
  }
}
