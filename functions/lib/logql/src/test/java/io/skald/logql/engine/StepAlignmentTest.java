package io.skald.logql.engine;

import static io.skald.logql.engine.EngineFixture.MS;
import static io.skald.logql.engine.EngineFixture.S;
import static io.skald.logql.engine.EngineFixture.parse;
import static io.skald.logql.engine.EngineFixture.render;
import static io.skald.logql.engine.EngineFixture.services;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StepAlignmentTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        // start rounds down, end rounds up, to multiples of the step from the epoch
        Arguments.of(7 * S, 23 * S, 5 * S, 5 * S, 25 * S),
        Arguments.of(5 * S, 25 * S, 5 * S, 5 * S, 25 * S),
        Arguments.of(5 * S + 1, 25 * S - 1, 5 * S, 5 * S, 25 * S),
        Arguments.of(
            1_700_000_123_456L * MS,
            1_700_000_723_456L * MS,
            60 * S,
            1_700_000_100_000L * MS,
            1_700_000_760_000L * MS),
        Arguments.of(1_500 * MS, 1_500 * MS, 1_000 * MS, 1_000 * MS, 2_000 * MS));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void align(long start, long end, long step, long alignedStart, long alignedEnd) {
    assertThat(StepAlignment.align(start, end, step))
        .isEqualTo(new StepAlignment.Range(alignedStart, alignedEnd));
  }

  @Test
  void alignedQueriesHaveEpochMultipleTimestamps() {
    StepAlignment.Range r = StepAlignment.align(12 * S, 38 * S, 10 * S);
    MetricResult m =
        new MetricEngine(services())
            .range(
                parse("count_over_time({app=\"web\"}[20s])"),
                r.startNanos(),
                r.endNanos(),
                10 * S,
                Limits.DEFAULT);
    assertThat(render(m)).containsExactly("{app=web, env=prod} 20=1 30=2 40=1");
  }
}
