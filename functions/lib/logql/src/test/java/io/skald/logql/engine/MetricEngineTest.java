package io.skald.logql.engine;

import static io.skald.logql.engine.EngineFixture.S;
import static io.skald.logql.engine.EngineFixture.instant;
import static io.skald.logql.engine.EngineFixture.parse;
import static io.skald.logql.engine.EngineFixture.range;
import static io.skald.logql.engine.EngineFixture.render;
import static io.skald.logql.engine.EngineFixture.services;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skald.gocompat.Utf8;
import io.skald.labels.LabelSet;
import io.skald.logql.syntax.Grouping;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Result shapes, Grafana's queries, limits, pipeline errors and the SampleSource contract. */
class MetricEngineTest {

  @Test
  void grafanaHealthCheckReturnsTwo() {
    // Grafana's "Save & test": instant vector(1)+vector(1) at time=4000000000 (4s).
    MetricResult r =
        new MetricEngine(services()).instant(parse("vector(1)+vector(1)"), 4 * S, Limits.DEFAULT);
    assertThat(r).isEqualTo(new VectorResult(List.of(new Sample(Map.of(), 4000, 2.0))));
    assertThat(MetricJsonTest.json(r))
        .isEqualTo("{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[4,\"2\"]}]}");
  }

  @Test
  void literalsAndVectors() {
    assertThat(instant(services(), "2", 4)).isEqualTo(new ScalarResult(4000, 2));
    assertThat(instant(services(), "1 + 1", 4)).isEqualTo(new ScalarResult(4000, 2));
    assertThat(instant(services(), "vector(3)", 4))
        .isEqualTo(new VectorResult(List.of(new Sample(Map.of(), 4000, 3))));
    assertThat(render(range(services(), "2", 10, 30, 10))).containsExactly("{} 10=2 20=2 30=2");
    assertThat(render(range(services(), "vector(1)", 10, 30, 10)))
        .containsExactly("{} 10=1 20=1 30=1");
    assertThat(render(range(services(), "vector(1) * 3", 10, 30, 10)))
        .containsExactly("{} 10=3 20=3 30=3");
    // a range query with start == end is still a matrix
    assertThat(range(services(), "count_over_time({app=\"web\"}[30s])", 30, 30, 10))
        .isInstanceOf(MatrixResult.class);
  }

  @Test
  void grafanaLogsVolumeQuery() {
    InMemorySampleSource source =
        InMemorySampleSource.builder().stream("app", "api", "service_name", "api")
            .add(5 * S, "{\"level\":\"info\"}", "detected_level", "info")
            .add(8 * S, "{\"level\":\"error\"}", "detected_level", "error")
            .add(15 * S, "not json", "detected_level", "info")
            .add(25 * S, "{\"level\":\"info\"}", "detected_level", "info")
            .build();
    // The line that is not JSON loses its __error__ to drop and counts without a level.
    assertThat(
            render(
                range(
                    source,
                    "sum by (level, detected_level) (count_over_time({service_name=\"api\"} | json | drop __error__[10s]))",
                    10,
                    30,
                    10)))
        .containsExactly(
            "{detected_level=error, level=error} 10=1",
            "{detected_level=info} 20=1",
            "{detected_level=info, level=info} 10=1 30=1");
    // Without a parser (the common case) the series are split by detected_level only.
    assertThat(
            render(
                range(
                    source,
                    "sum by (level, detected_level) (count_over_time({service_name=\"api\"} | drop __error__[10s]))",
                    10,
                    30,
                    10)))
        .containsExactly("{detected_level=error} 10=1", "{detected_level=info} 10=1 20=1 30=1");
  }

  static InMemorySampleSource withBadJson() {
    return InMemorySampleSource.builder().stream("app", "api")
        .add(5 * S, "{\"level\":\"info\"}")
        .add(15 * S, "not json")
        .build();
  }

  @Test
  void samplesWithErrorsFailTheQuery() {
    assertThatThrownBy(
            () -> range(withBadJson(), "count_over_time({app=\"api\"} | json [10s])", 10, 20, 10))
        .isInstanceOfSatisfying(
            MetricQueryException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(400);
              assertThat(e.reason()).isEqualTo(MetricQueryException.Reason.PIPELINE_ERROR);
              assertThat(e.getMessage())
                  .startsWith(
                      "pipeline error: 'JSONParserErr' for series: '{__error__=\"JSONParserErr\", ")
                  .endsWith(
                      "app=\"api\"}'.\n"
                          + "Use a label filter to intentionally skip this error. (e.g | __error__!=\"JSONParserErr\").\n"
                          + "To skip all potential errors you can match empty errors.(e.g __error__=\"\")\n"
                          + "The label filter can also be specified after unwrap. (e.g | unwrap latency | __error__=\"\" )\n");
            });
    // Grouping does not hide the error either.
    assertThatThrownBy(
            () ->
                instant(
                    withBadJson(),
                    "sum by (level) (count_over_time({app=\"api\"} | json [10s]))",
                    20))
        .isInstanceOf(MetricQueryException.class)
        .hasMessageStartingWith("pipeline error: 'JSONParserErr'");
    // Filtering the errors out makes the query valid.
    assertThat(
            render(
                range(
                    withBadJson(),
                    "count_over_time({app=\"api\"} | json | __error__=\"\" [10s])",
                    10,
                    20,
                    10)))
        .containsExactly("{app=api, level=info} 10=1");
    // An error outside every window is never looked at (windows (9s,10s] and (19s,20s]).
    assertThat(
            render(range(withBadJson(), "count_over_time({app=\"api\"} | json [1s])", 10, 20, 10)))
        .isEmpty();
  }

  @Test
  void unwrapConversionErrors() {
    InMemorySampleSource source =
        InMemorySampleSource.builder().stream("app", "u")
            .add(1 * S, "latency=2")
            .add(2 * S, "latency=abc")
            .build();
    assertThatThrownBy(
            () -> instant(source, "sum_over_time({app=\"u\"} | logfmt | unwrap latency [5s])", 5))
        .isInstanceOf(MetricQueryException.class)
        .hasMessageStartingWith("pipeline error: 'SampleExtractionErr' for series: ");
    assertThat(
            render(
                instant(
                    source,
                    "sum_over_time({app=\"u\"} | logfmt | unwrap latency | __error__=\"\" [5s])",
                    5)))
        .containsExactly("{app=u} 5=2");
  }

  static InMemorySampleSource streams(int n, boolean staggered) {
    InMemorySampleSource.Builder b = InMemorySampleSource.builder();
    for (int i = 0; i < n; i++) {
      b.stream("job", "many", "i", Integer.toString(i)).add((staggered ? i + 1 : 1) * S, "line");
    }
    return b.build();
  }

  static final String LIMIT_MESSAGE =
      "maximum number of series (500) reached for a single query; consider reducing "
          + "query cardinality by adding more specific stream selectors, reducing the time range, or aggregating "
          + "results with functions like sum(), count() or topk()";

  @Test
  void seriesLimit() {
    String q = "count_over_time({job=\"many\"}[10m])";
    assertThat(((VectorResult) instant(streams(500, false), q, 60)).samples()).hasSize(500);
    assertThatThrownBy(() -> instant(streams(501, false), q, 60))
        .isInstanceOfSatisfying(
            MetricQueryException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo(LIMIT_MESSAGE);
              assertThat(e.httpStatus()).isEqualTo(400);
              assertThat(e.reason()).isEqualTo(MetricQueryException.Reason.SERIES_LIMIT);
            });
    // Over a range the distinct series of all steps count: one per step here.
    String perStep = "count_over_time({job=\"many\"}[1s])";
    assertThat(((MatrixResult) range(streams(500, true), perStep, 1, 501, 1)).series())
        .hasSize(500);
    assertThatThrownBy(() -> range(streams(501, true), perStep, 1, 501, 1))
        .isInstanceOf(MetricQueryException.class)
        .hasMessage(LIMIT_MESSAGE);
    // Aggregations reduce the result below the limit.
    assertThat(render(instant(streams(501, false), "sum(" + q + ")", 60)))
        .containsExactly("{} 60=501");
    // 0 disables the limit.
    assertThat(
            ((VectorResult)
                    new MetricEngine(streams(501, false)).instant(parse(q), 60 * S, new Limits(0)))
                .samples())
        .hasSize(501);
  }

  @Test
  void logsDrilldownGetsPartialResults() {
    Limits drilldown = new Limits(3).withPartialResults();
    List<String> warnings = new ArrayList<>();
    String warning =
        "maximum number of series (3) reached for a single query; returning partial results";
    // Instant: the first 3 in evaluation order, then sorted.
    MetricResult r =
        new MetricEngine(streams(5, false))
            .evaluate(
                parse("count_over_time({job=\"many\"}[1m])"),
                60 * S,
                60 * S,
                0,
                QueryKind.INSTANT,
                drilldown,
                warnings::add);
    assertThat(((VectorResult) r).samples()).hasSize(3);
    assertThat(warnings).containsExactly(warning);
    // Range, limit hit on the first step: only that step is kept.
    warnings.clear();
    r =
        new MetricEngine(streams(5, false))
            .evaluate(
                parse("count_over_time({job=\"many\"}[1m])"),
                60 * S,
                80 * S,
                10 * S,
                QueryKind.RANGE,
                drilldown,
                warnings::add);
    assertThat(render(r)).hasSize(3).allSatisfy(line -> assertThat(line).endsWith(" 60=1"));
    assertThat(warnings).containsExactly(warning);
    // Range, limit hit later: the series collected so far, up to that step.
    warnings.clear();
    r =
        new MetricEngine(streams(5, true))
            .evaluate(
                parse("count_over_time({job=\"many\"}[2s])"),
                1 * S,
                5 * S,
                1 * S,
                QueryKind.RANGE,
                drilldown,
                warnings::add);
    assertThat(render(r))
        .containsExactly(
            "{i=0, job=many} 1=1 2=1", "{i=1, job=many} 2=1 3=1", "{i=2, job=many} 3=1 4=1");
    assertThat(warnings).containsExactly(warning);

    assertThat(Limits.isLogsDrilldownRequest("Source=grafana-lokiexplore-app,Feature=patterns"))
        .isTrue();
    assertThat(Limits.isLogsDrilldownRequest("source=Grafana-LokiExplore-App")).isTrue();
    assertThat(Limits.isLogsDrilldownRequest("Source=logvolhist")).isFalse();
    assertThat(Limits.isLogsDrilldownRequest(null)).isFalse();
  }

  @Test
  void resultsAreSortedByLabels() {
    assertThat(render(instant(services(), "count_over_time({env=~\".+\"}[1m])", 60)))
        .containsExactly(
            "{app=api, env=dev} 60=1", "{app=api, env=prod} 60=4", "{app=web, env=prod} 60=2");
    // Prometheus' order: label by label, and a prefix first.
    assertThat(LabelSet.compare(LabelSet.of("a", "1"), LabelSet.of("a", "1", "b", "1")))
        .isNegative();
    assertThat(LabelSet.compare(LabelSet.of("a", "2"), LabelSet.of("a", "1", "b", "1")))
        .isPositive();
    assertThat(LabelSet.compare(LabelSet.of("b", "1"), LabelSet.of("a", "9", "c", "1")))
        .isPositive();
    // Go compares UTF-8 bytes: U+FFFD sorts before U+1F600.
    assertThat(Utf8.compare("\uFFFD", "\uD83D\uDE00")).isNegative();
  }

  @Test
  void selectionsFollowLoki() {
    InMemorySampleSource source = services();
    MetricEngine engine = new MetricEngine(source);
    engine.range(
        parse("sum by (app) (count_over_time({env=\"prod\"}[20s] offset 5s))"),
        100 * S,
        200 * S,
        10 * S,
        Limits.DEFAULT);
    engine.range(parse("sum(rate({env=\"prod\"}[20s]))"), 100 * S, 200 * S, 10 * S, Limits.DEFAULT);
    engine.instant(
        parse("max by (app) (count_over_time({env=\"prod\"}[20s]))"), 100 * S, Limits.DEFAULT);
    engine.instant(
        parse("sum by (app) (max_over_time({env=\"prod\"} | logfmt | unwrap latency [20s]))"),
        100 * S,
        Limits.DEFAULT);
    engine.instant(
        parse("count_over_time({app=\"a\"}[1m]) / count_over_time({app=\"b\"}[1m])"),
        100 * S,
        Limits.DEFAULT);

    List<SampleSelection> sel = source.selections();
    assertThat(sel).hasSize(6);
    // [start - range - offset, end - offset + 1ns), and the sum's grouping pushed down
    assertThat(sel.get(0).startNanos()).isEqualTo(75 * S);
    assertThat(sel.get(0).endNanos()).isEqualTo(195 * S + 1);
    assertThat(sel.get(0).groupingOverride()).isEqualTo(new Grouping(false, List.of("app")));
    assertThat(sel.get(1).groupingOverride()).isEqualTo(new Grouping(false, List.of()));
    assertThat(sel.get(2).groupingOverride()).isNull();
    assertThat(sel.get(3).groupingOverride()).isNull();
    assertThat(sel.get(2).startNanos()).isEqualTo(80 * S);
    assertThat(sel.get(2).endNanos()).isEqualTo(100 * S + 1);
    assertThat(sel.get(4).matchers()).extracting(m -> m.value()).containsExactly("a");
    assertThat(sel.get(5).matchers()).extracting(m -> m.value()).containsExactly("b");
  }

  /** A source that returns fixed samples, to test the engine's input checks. */
  static SampleSource fixed(long... timestamps) {
    return sel ->
        new SampleIterator() {
          private final Iterator<Long> it = toList(timestamps).iterator();
          private long ts;

          @Override
          public boolean next() {
            if (!it.hasNext()) {
              return false;
            }
            ts = it.next();
            return true;
          }

          @Override
          public long timestampNanos() {
            return ts;
          }

          @Override
          public double value() {
            return 1;
          }

          @Override
          public LabelSet labels() {
            return LabelSet.of("a", "b");
          }
        };
  }

  private static List<Long> toList(long[] ts) {
    List<Long> out = new ArrayList<>();
    for (long t : ts) {
      out.add(t);
    }
    return out;
  }

  @Test
  void samplesMustComeInTimeOrder() {
    assertThatThrownBy(
            () ->
                new MetricEngine(fixed(2 * S, 1 * S))
                    .instant(parse("count_over_time({a=\"b\"}[10s])"), 10 * S, Limits.DEFAULT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("out of time order");
    assertThat(
            render(
                new MetricEngine(fixed(1 * S, 1 * S, 2 * S))
                    .instant(parse("count_over_time({a=\"b\"}[10s])"), 10 * S, Limits.DEFAULT)))
        .containsExactly("{a=b} 10=3");
  }

  @Test
  void closesWhatItOpens() {
    List<String> closed = new ArrayList<>();
    SampleSource source =
        sel ->
            new SampleIterator() {
              @Override
              public boolean next() {
                return false;
              }

              @Override
              public long timestampNanos() {
                return 0;
              }

              @Override
              public double value() {
                return 0;
              }

              @Override
              public LabelSet labels() {
                return LabelSet.EMPTY;
              }

              @Override
              public void close() {
                closed.add(sel.matchers().get(0).value());
              }
            };
    new MetricEngine(source)
        .instant(
            parse("count_over_time({a=\"x\"}[1m]) + count_over_time({a=\"y\"}[1m])"),
            60 * S,
            Limits.DEFAULT);
    assertThat(closed).containsExactlyInAnyOrder("x", "y");
  }

  @Test
  void pipelineStagesThatDoNotCompileAreBadRequests() {
    assertThatThrownBy(
            () ->
                instant(services(), "count_over_time({app=\"api\"} |= ip(\"not-an-ip\") [1m])", 60))
        .isInstanceOfSatisfying(
            MetricQueryException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(400);
              assertThat(e.getMessage()).startsWith("parse error : stage '");
            });
  }

  @Test
  void rangeParametersAreChecked() {
    MetricEngine engine = new MetricEngine(services());
    assertThatThrownBy(() -> engine.range(parse("vector(1)"), 10 * S, 20 * S, 0, Limits.DEFAULT))
        .isInstanceOf(MetricQueryException.class)
        .hasMessage(
            "zero or negative query resolution step widths are not accepted. Try a positive integer");
    assertThatThrownBy(() -> engine.range(parse("vector(1)"), 20 * S, 10 * S, S, Limits.DEFAULT))
        .isInstanceOf(MetricQueryException.class)
        .hasMessage("end timestamp must not be before or equal to start time");
    Limits.checkResolution(0, 11_000 * S, S);
    assertThatThrownBy(() -> Limits.checkResolution(0, 11_001 * S, S))
        .isInstanceOfSatisfying(
            MetricQueryException.class,
            e -> {
              assertThat(e.getMessage())
                  .isEqualTo(
                      "exceeded maximum resolution of 11,000 points per time series. "
                          + "Try increasing the value of the step parameter");
              assertThat(e.httpStatus()).isEqualTo(400);
            });
  }
}
