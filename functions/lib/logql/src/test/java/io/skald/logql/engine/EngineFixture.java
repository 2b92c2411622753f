package io.skald.logql.engine;

import io.skald.logql.syntax.Expr;
import io.skald.logql.syntax.LogQL;
import io.skald.logql.syntax.ParseException;
import io.skald.logql.syntax.SampleExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Parses queries, runs them over in-memory streams and renders results as compact text. */
final class EngineFixture {
  static final long S = 1_000_000_000L;
  static final long MS = 1_000_000L;

  private EngineFixture() {}

  static SampleExpr parse(String query) {
    try {
      Expr e = LogQL.parse(query);
      if (e instanceof SampleExpr s) {
        return s;
      }
      throw new AssertionError("not a metric query: " + query);
    } catch (ParseException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  static MetricResult range(SampleSource source, String query, long startS, long endS, long stepS) {
    return new MetricEngine(source)
        .range(parse(query), startS * S, endS * S, stepS * S, Limits.DEFAULT);
  }

  static MetricResult instant(SampleSource source, String query, long timeS) {
    return new MetricEngine(source).instant(parse(query), timeS * S, Limits.DEFAULT);
  }

  /**
   * One line per series or sample: {@code {app=api} 10=1 20=2} for a matrix, {@code {app=api} 30=3}
   * for a vector, {@code 4=2} for a scalar; times in seconds.
   */
  static List<String> render(MetricResult r) {
    List<String> out = new ArrayList<>();
    if (r instanceof MatrixResult m) {
      for (Series s : m.series()) {
        out.add(
            s.labels()
                + " "
                + s.points().stream()
                    .map(
                        p ->
                            MetricJson.formatTimestamp(p.timestampMs())
                                + "="
                                + MetricJson.formatValue(p.value()))
                    .collect(Collectors.joining(" ")));
      }
    } else if (r instanceof VectorResult v) {
      for (Sample s : v.samples()) {
        out.add(
            s.labels()
                + " "
                + MetricJson.formatTimestamp(s.timestampMs())
                + "="
                + MetricJson.formatValue(s.value()));
      }
    } else {
      ScalarResult s = (ScalarResult) r;
      out.add(
          MetricJson.formatTimestamp(s.timestampMs()) + "=" + MetricJson.formatValue(s.value()));
    }
    return out;
  }

  /** Three streams with logfmt lines; see the table in each test for the hand computation. */
  static InMemorySampleSource services() {
    return InMemorySampleSource.builder().stream("app", "api", "env", "prod")
        .add(10 * S, "level=info latency=2")
        .add(20 * S, "level=error latency=4")
        .add(30 * S, "level=info latency=6")
        .add(40 * S, "level=info latency=8")
        .stream("app", "web", "env", "prod")
        .add(15 * S, "level=error latency=1")
        .add(30 * S, "level=info latency=3")
        .stream("app", "api", "env", "dev")
        .add(25 * S, "level=warn latency=5")
        .build();
  }
}
