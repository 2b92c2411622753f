package io.skald.deletes;

import io.skald.labels.Label;
import io.skald.labels.LabelSet;
import io.skald.labels.Matcher;
import io.skald.logql.log.Pipeline;
import io.skald.logql.log.StreamPipeline;
import io.skald.logql.syntax.LogQL;
import io.skald.logql.syntax.LogSelectorExpr;
import io.skald.logql.syntax.ParseException;
import java.util.List;
import java.util.Map;

/**
 * The query of a delete request, read as Loki's {@code parseDeletionQuery} reads it: any log query
 * ({@code {app="api"} |= "password"}, {@code {app="api"} | json | level="debug"}, a label filter on
 * structured metadata), without the rule that a matcher must be selective. A line is selected when
 * its stream matches every matcher and the query's pipeline keeps the line. Immutable.
 */
public final class DeleteQuery {

  static final String INVALID = "invalid query expression";

  private final LogSelectorExpr expr;
  private final Pipeline pipeline;

  private DeleteQuery(LogSelectorExpr expr, Pipeline pipeline) {
    this.expr = expr;
    this.pipeline = pipeline;
  }

  /**
   * Parses and compiles the query. Unlike Loki, a pipeline that does not compile (a bad regex) is
   * refused here: Loki accepts it and then fails every query the request applies to.
   *
   * @throws DeleteApiException 400 {@code invalid query expression}
   */
  public static DeleteQuery parse(String query) throws DeleteApiException {
    try {
      LogSelectorExpr expr = LogQL.parseLogSelector(query, false);
      return new DeleteQuery(expr, Pipeline.compile(expr.pipeline()));
    } catch (ParseException e) {
      throw DeleteApiException.badRequest(INVALID);
    }
  }

  public List<Matcher> matchers() {
    return expr.matchers();
  }

  /**
   * Whether the pipeline can leave a line alone (Loki's {@code HasFilter}); without one the time
   * range alone decides, and the request is not split into pieces.
   */
  public boolean hasFilter() {
    return expr.hasFilter();
  }

  public boolean matchesStream(Map<String, String> labels) {
    for (Matcher m : expr.matchers()) {
      if (!m.matches(labels.getOrDefault(m.name(), ""))) {
        return false;
      }
    }
    return true;
  }

  /** The line test for one stream of the query; not thread-safe. */
  LineSelector forStream(LabelSet streamLabels) {
    return new LineSelector(pipeline.forStream(streamLabels));
  }

  @Override
  public String toString() {
    return expr.toString();
  }

  /** Runs the query's pipeline over the entries of one stream. */
  static final class LineSelector {
    private final StreamPipeline pipeline;

    private LineSelector(StreamPipeline pipeline) {
      this.pipeline = pipeline;
    }

    /** Whether the pipeline keeps the entry, that is: the request selects it. */
    boolean selects(long timestampNanos, byte[] line, int off, int len, List<Label> metadata) {
      return pipeline.process(timestampNanos, line, off, len, metadata).keep();
    }
  }
}
