package io.skald.logql.engine;

import static io.skald.logql.engine.EngineFixture.S;
import static io.skald.logql.engine.EngineFixture.instant;
import static io.skald.logql.engine.EngineFixture.parse;
import static io.skald.logql.engine.EngineFixture.range;
import static io.skald.logql.engine.EngineFixture.render;
import static io.skald.logql.engine.EngineFixture.services;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Range aggregations with hand-computed values.
 *
 * <pre>
 * services():  {app=api, env=prod}  10s 20s 30s 40s   (latency 2 4 6 8)
 *              {app=web, env=prod}  15s 30s           (latency 1 3)
 *              {app=api, env=dev}   25s               (latency 5)
 * unwrapped(): {app=u}               1s  2s  3s  4s    (latency 1 5 3 7)
 * bytes():     {app=b}               1s "x", 2s "xx", 3s "xxxx"
 * </pre>
 */
class RangeAggregationTest {

  static InMemorySampleSource unwrapped() {
    return InMemorySampleSource.builder().stream("app", "u")
        .add(1 * S, "latency=1")
        .add(2 * S, "latency=5")
        .add(3 * S, "latency=3")
        .add(4 * S, "latency=7")
        .build();
  }

  static InMemorySampleSource bytes() {
    return InMemorySampleSource.builder().stream("app", "b")
        .add(1 * S, "x")
        .add(2 * S, "xx")
        .add(3 * S, "xxxx")
        .build();
  }

  static Stream<Arguments> rangeQueries() {
    return Stream.of(
        // (t-20s, t]: at 30s the api entry at 10s is out, the one at 30s in.
        Arguments.of(
            "count_over_time({env=\"prod\"}[20s])",
            List.of(
                "{app=api, env=prod} 10=1 20=2 30=2 40=2", "{app=web, env=prod} 20=1 30=2 40=1")),
        Arguments.of(
            "rate({env=\"prod\"}[20s])",
            List.of(
                "{app=api, env=prod} 10=0.05 20=0.1 30=0.1 40=0.1",
                "{app=web, env=prod} 20=0.05 30=0.1 40=0.05")),
        // offset 10s: the window at t is (t-30s, t-10s]; the timestamp stays t.
        Arguments.of(
            "count_over_time({env=\"prod\"}[20s] offset 10s)",
            List.of("{app=api, env=prod} 20=1 30=2 40=2", "{app=web, env=prod} 30=1 40=2")),
        // 5s windows: present at 15s and 30s only.
        Arguments.of(
            "absent_over_time({app=\"web\"}[5s])", List.of("{app=web} 10=1 20=1 25=1 35=1 40=1")));
  }

  @ParameterizedTest
  @MethodSource("rangeQueries")
  void rangeQueryFrom10To40(String query, List<String> expected) {
    int step = query.contains("[5s]") ? 5 : 10;
    assertThat(render(range(services(), query, 10, 40, step))).containsExactlyElementsOf(expected);
  }

  static Stream<Arguments> windowBoundaries() {
    // count_over_time({app="api", env="prod"}[15s]): entries at 10s 20s 30s 40s.
    return Stream.of(
        Arguments.of(35 * S, 1), // (20s, 35s]: 20s is exactly t-range, excluded
        Arguments.of(35 * S - 1, 2), // (20s-1ns, 35s-1ns]: 20s and 30s
        Arguments.of(30 * S, 2), // (15s, 30s]: 30s is exactly t, included
        Arguments.of(30 * S - 1, 1), // 30s is after t
        Arguments.of(25 * S, 1), // (10s, 25s]: 10s excluded
        Arguments.of(55 * S - 1, 1), // 40s still inside
        Arguments.of(55 * S, 0)); // (40s, 55s]: nothing, no sample at all
  }

  @ParameterizedTest
  @MethodSource("windowBoundaries")
  void windowIsLeftOpenRightClosed(long timeNanos, int expected) {
    MetricResult r =
        new MetricEngine(services())
            .instant(
                parse("count_over_time({app=\"api\", env=\"prod\"}[15s])"),
                timeNanos,
                Limits.DEFAULT);
    List<Sample> samples = ((VectorResult) r).samples();
    if (expected == 0) {
      assertThat(samples).isEmpty();
    } else {
      assertThat(samples)
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.value()).isEqualTo(expected);
                assertThat(s.timestampMs()).isEqualTo(timeNanos / 1_000_000);
              });
    }
  }

  static Stream<Arguments> unwrappedAtFourSeconds() {
    // Window (0s, 4s] holds 1 5 3 7.
    return Stream.of(
        Arguments.of("sum_over_time({app=\"u\"} | logfmt | unwrap latency [4s])", "16"),
        Arguments.of("avg_over_time({app=\"u\"} | logfmt | unwrap latency [4s])", "4"),
        Arguments.of("min_over_time({app=\"u\"} | logfmt | unwrap latency [4s])", "1"),
        Arguments.of("max_over_time({app=\"u\"} | logfmt | unwrap latency [4s])", "7"),
        Arguments.of("first_over_time({app=\"u\"} | logfmt | unwrap latency [4s])", "1"),
        Arguments.of("last_over_time({app=\"u\"} | logfmt | unwrap latency [4s])", "7"),
        // mean 4, squared deviations 9 1 1 9
        Arguments.of("stdvar_over_time({app=\"u\"} | logfmt | unwrap latency [4s])", "5"),
        Arguments.of(
            "stddev_over_time({app=\"u\"} | logfmt | unwrap latency [4s])", "2.23606797749979"),
        // sorted 1 3 5 7, rank 0.5*3 = 1.5 -> (3+5)/2
        Arguments.of("quantile_over_time(0.5, {app=\"u\"} | logfmt | unwrap latency [4s])", "4"),
        Arguments.of("quantile_over_time(0, {app=\"u\"} | logfmt | unwrap latency [4s])", "1"),
        Arguments.of("quantile_over_time(1, {app=\"u\"} | logfmt | unwrap latency [4s])", "7"),
        Arguments.of("quantile_over_time(1.5, {app=\"u\"} | logfmt | unwrap latency [4s])", "+Inf"),
        // unwrapped rate is sum / range seconds
        Arguments.of("rate({app=\"u\"} | logfmt | unwrap latency [4s])", "4"),
        Arguments.of("count_over_time({app=\"u\"}[4s])", "4"),
        Arguments.of("rate({app=\"u\"}[4s])", "1"),
        // window (2s, 4s]: 3 7
        Arguments.of("sum_over_time({app=\"u\"} | logfmt | unwrap latency [2s])", "10"));
  }

  @ParameterizedTest
  @MethodSource("unwrappedAtFourSeconds")
  void unwrappedAggregations(String query, String expected) {
    assertThat(render(instant(unwrapped(), query, 4))).containsExactly("{app=u} 4=" + expected);
  }

  @Test
  void rateCounterExtrapolatesLikePrometheus() {
    // Counter 1 5 3 7 with a reset: increase 6 + 5 = 11 over 3s of samples. The first sample is
    // 1s from the window start (< 1.1 x the 1s spacing) but the zero point is 3s x 1/11 before
    // it, so the increase is extrapolated over 3s + 3/11 s: 11 x (1 + 1/11) = 12, per 4s = 3.
    Sample s =
        ((VectorResult)
                instant(unwrapped(), "rate_counter({app=\"u\"} | logfmt | unwrap latency [4s])", 4))
            .samples()
            .get(0);
    assertThat(s.value()).isCloseTo(3.0, within(1e-12));

    // A counter 1 2 3 4 without reset: the zero point is exactly 1s before, no change.
    InMemorySampleSource steady =
        InMemorySampleSource.builder().stream("app", "u")
            .add(1 * S, "latency=1")
            .add(2 * S, "latency=2")
            .add(3 * S, "latency=3")
            .add(4 * S, "latency=4")
            .build();
    Sample t =
        ((VectorResult)
                instant(steady, "rate_counter({app=\"u\"} | logfmt | unwrap latency [4s])", 4))
            .samples()
            .get(0);
    assertThat(t.value()).isCloseTo(1.0, within(1e-12));

    // A single sample has no rate.
    assertThat(
            render(
                instant(
                    unwrapped(), "rate_counter({app=\"u\"} | logfmt | unwrap latency [1s])", 4)))
        .containsExactly("{app=u} 4=0");
  }

  static Stream<Arguments> bytesAtThreeSeconds() {
    return Stream.of(
        Arguments.of("bytes_over_time({app=\"b\"}[3s])", "7"),
        Arguments.of("bytes_over_time({app=\"b\"}[2s])", "6"),
        Arguments.of("bytes_rate({app=\"b\"}[3s])", "2.3333333333333335"),
        Arguments.of("bytes_rate({app=\"b\"}[2s])", "3"));
  }

  @ParameterizedTest
  @MethodSource("bytesAtThreeSeconds")
  void bytes(String query, String expected) {
    assertThat(render(instant(bytes(), query, 3))).containsExactly("{app=b} 3=" + expected);
  }

  @Test
  void rangeAggregationGrouping() {
    // (0s, 30s]: api 2 4 6 (prod) and 5 (dev); web 1 3.
    assertThat(
            render(
                instant(
                    services(),
                    "max_over_time({env=~\".+\"} | logfmt | unwrap latency [30s]) by (app)",
                    30)))
        .containsExactly("{app=api} 30=6", "{app=web} 30=3");
    assertThat(
            render(
                instant(
                    services(),
                    "min_over_time({env=~\".+\"} | logfmt | unwrap latency [30s]) without (env, level)",
                    30)))
        .containsExactly("{app=api} 30=2", "{app=web} 30=1");
    // Without grouping, the unwrapped label is dropped and the parsed ones split series.
    assertThat(
            render(
                instant(
                    services(),
                    "sum_over_time({app=\"api\"} | logfmt | unwrap latency [30s])",
                    30)))
        .containsExactly(
            "{app=api, env=dev, level=warn} 30=5",
            "{app=api, env=prod, level=error} 30=4",
            "{app=api, env=prod, level=info} 30=8");
  }

  @Test
  void seriesCarryParsedLabels() {
    assertThat(
            render(
                instant(
                    services(),
                    "count_over_time({app=\"api\"} | logfmt | drop latency [30s])",
                    30)))
        .containsExactly(
            "{app=api, env=dev, level=warn} 30=1",
            "{app=api, env=prod, level=error} 30=1",
            "{app=api, env=prod, level=info} 30=2");
  }

  @Test
  void absentOverTimeTakesLabelsFromEqualityMatchers() {
    assertThat(
            render(
                instant(services(), "absent_over_time({app=\"nothing\", env=~\"x.*\"}[30s])", 30)))
        .containsExactly("{app=nothing} 30=1");
    // A name matched twice is dropped.
    assertThat(
            render(
                instant(
                    services(),
                    "absent_over_time({app=\"nothing\", env=\"a\", env!=\"b\"}[30s])",
                    30)))
        .containsExactly("{app=nothing} 30=1");
    assertThat(render(instant(services(), "absent_over_time({app=\"api\"}[30s])", 30))).isEmpty();
  }
}
