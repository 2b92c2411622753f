package io.skald.logql.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** String matchers, including on __error__ (Loki's TestErrorFiltering). */
class StringLabelFilterStageTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("| level=\"error\"", "level=error", "", true),
        Arguments.of("| level=\"error\"", "level=info", "", false),
        Arguments.of("| level!=\"debug\"", "level=info", "", true),
        Arguments.of("| level=~\"err.*\"", "level=error", "", true),
        Arguments.of("| level=~\"err\"", "level=error", "", false), // anchored
        Arguments.of("| level!~\"dbg|trace\"", "level=trace", "", false),
        Arguments.of("| missing=\"\"", "level=info", "", true), // absent compares as ""
        Arguments.of("| missing!=\"\"", "level=info", "", false),
        Arguments.of("| app=\"x\"", "app=x", "", true), // stream labels too
        // __error__ tests, on a line that is not JSON
        Arguments.of("| json | __error__=\"\"", "{}", "not json", false),
        Arguments.of("| json | __error__!=\"JSONParserErr\"", "{}", "not json", false),
        Arguments.of("| json | __error__!~\".+\"", "{}", "not json", false),
        Arguments.of("| json | __error__!~\".+\"", "{}", "{\"a\":1}", true),
        Arguments.of("| json | __error__=\"JSONParserErr\"", "{}", "not json", true),
        Arguments.of("| json | __error_details__=~\"Value looks.*\"", "{}", "not json", true));
  }

  @ParameterizedTest(name = "{0} on {1} {2}")
  @MethodSource("cases")
  void filters(String pipeline, String stream, String line, boolean keep) {
    assertThat(PipelineFixture.run(pipeline, Fixtures.labels(stream), line).keep()).isEqualTo(keep);
  }
}
