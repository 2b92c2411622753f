package io.skald.logql.engine;

import static io.skald.logql.engine.EngineFixture.instant;
import static io.skald.logql.engine.EngineFixture.range;
import static io.skald.logql.engine.EngineFixture.render;
import static io.skald.logql.engine.EngineFixture.services;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Vector aggregations at t=30s over {@code count_over_time({env=~".+"}[30s])}, which is {@code
 * {app=api, env=prod} 3}, {@code {app=web, env=prod} 2}, {@code {app=api, env=dev} 1}.
 */
class VectorAggregationTest {
  static final String INNER = "count_over_time({env=~\".+\"}[30s])";

  static Stream<Arguments> aggregations() {
    return Stream.of(
        Arguments.of("sum(" + INNER + ")", List.of("{} 30=6")),
        Arguments.of("sum by (app) (" + INNER + ")", List.of("{app=api} 30=4", "{app=web} 30=2")),
        Arguments.of("sum(" + INNER + ") by (app)", List.of("{app=api} 30=4", "{app=web} 30=2")),
        Arguments.of(
            "sum without (env) (" + INNER + ")", List.of("{app=api} 30=4", "{app=web} 30=2")),
        Arguments.of("sum by () (" + INNER + ")", List.of("{} 30=6")),
        Arguments.of("avg(" + INNER + ")", List.of("{} 30=2")),
        Arguments.of(
            "avg by (env) (" + INNER + ")", List.of("{env=dev} 30=1", "{env=prod} 30=2.5")),
        Arguments.of("min(" + INNER + ")", List.of("{} 30=1")),
        Arguments.of("max(" + INNER + ")", List.of("{} 30=3")),
        Arguments.of("max by (env) (" + INNER + ")", List.of("{env=dev} 30=1", "{env=prod} 30=3")),
        Arguments.of("count(" + INNER + ")", List.of("{} 30=3")),
        Arguments.of(
            "count by (env) (" + INNER + ")", List.of("{env=dev} 30=1", "{env=prod} 30=2")),
        // mean 2, squared deviations 1 0 1
        Arguments.of("stdvar(" + INNER + ")", List.of("{} 30=0.6666666666666666")),
        Arguments.of("stddev(" + INNER + ")", List.of("{} 30=0.816496580927726")),
        Arguments.of(
            "stddev by (app) (" + INNER + ")", List.of("{app=api} 30=1", "{app=web} 30=0")),
        // topk/bottomk keep the original labels; instant results are then sorted by labels
        Arguments.of(
            "topk(2, " + INNER + ")",
            List.of("{app=api, env=prod} 30=3", "{app=web, env=prod} 30=2")),
        Arguments.of(
            "topk(5, " + INNER + ")",
            List.of(
                "{app=api, env=dev} 30=1", "{app=api, env=prod} 30=3", "{app=web, env=prod} 30=2")),
        Arguments.of("bottomk(1, " + INNER + ")", List.of("{app=api, env=dev} 30=1")),
        Arguments.of(
            "topk by (app) (1, " + INNER + ")",
            List.of("{app=api, env=prod} 30=3", "{app=web, env=prod} 30=2")),
        Arguments.of(
            "bottomk(1, " + INNER + ") by (app)",
            List.of("{app=api, env=dev} 30=1", "{app=web, env=prod} 30=2")),
        // sort and sort_desc keep their order in instant results
        Arguments.of(
            "sort(" + INNER + ")",
            List.of(
                "{app=api, env=dev} 30=1", "{app=web, env=prod} 30=2", "{app=api, env=prod} 30=3")),
        Arguments.of(
            "sort_desc(" + INNER + ")",
            List.of(
                "{app=api, env=prod} 30=3", "{app=web, env=prod} 30=2", "{app=api, env=dev} 30=1")),
        Arguments.of(
            "sort_desc(sum by (app) (" + INNER + "))", List.of("{app=api} 30=4", "{app=web} 30=2")),
        Arguments.of(
            "sort(sum by (app) (" + INNER + "))", List.of("{app=web} 30=2", "{app=api} 30=4")));
  }

  @ParameterizedTest
  @MethodSource("aggregations")
  void instantAt30s(String query, List<String> expected) {
    assertThat(render(instant(services(), query, 30))).containsExactlyElementsOf(expected);
  }

  @Test
  void sortDoesNotReorderMatrices() {
    List<String> plain =
        render(range(services(), "count_over_time({env=\"prod\"}[20s])", 10, 40, 10));
    assertThat(
            render(
                range(services(), "sort_desc(count_over_time({env=\"prod\"}[20s]))", 10, 40, 10)))
        .containsExactlyElementsOf(plain);
    assertThat(plain)
        .containsExactly(
            "{app=api, env=prod} 10=1 20=2 30=2 40=2", "{app=web, env=prod} 20=1 30=2 40=1");
  }

  @Test
  void topkOverARangeKeepsTheBestSeriesPerStep() {
    // (t-20s, t]: api 1 2 2 2, web - 1 2 1; at 30s both have 2, bottomk keeps one.
    assertThat(
            render(range(services(), "topk(1, count_over_time({env=\"prod\"}[20s]))", 10, 20, 10)))
        .containsExactly("{app=api, env=prod} 10=1 20=2");
    assertThat(
            render(
                range(services(), "bottomk(1, count_over_time({env=\"prod\"}[20s]))", 10, 20, 10)))
        .containsExactly("{app=api, env=prod} 10=1", "{app=web, env=prod} 20=1");
  }

  @Test
  void heapSelectsLikeLoki() {
    // Go's heap with k=1: the first value is kept on ties, NaN is replaced by anything.
    VectorAggEvaluator.Heap top = new VectorAggEvaluator.Heap(false);
    io.skald.labels.LabelSet a = io.skald.labels.LabelSet.of("s", "a");
    io.skald.labels.LabelSet b = io.skald.labels.LabelSet.of("s", "b");
    io.skald.labels.LabelSet c = io.skald.labels.LabelSet.of("s", "c");
    top.push(a, Double.NaN);
    top.offer(b, 1, 1);
    top.offer(c, 1, 1);
    StepVector out = new StepVector(0, 1);
    top.drainSorted(out);
    assertThat(out.size()).isEqualTo(1);
    assertThat(out.labels(0)).isEqualTo(b);

    // sort_desc puts NaN last.
    VectorAggEvaluator.Heap all = new VectorAggEvaluator.Heap(false);
    all.push(a, Double.NaN);
    all.push(b, 1);
    all.push(c, 2);
    StepVector sorted = new StepVector(0, 3);
    all.drainSorted(sorted);
    assertThat(List.of(sorted.labels(0), sorted.labels(1), sorted.labels(2)))
        .containsExactly(c, b, a);
  }
}
