package io.skald.logql.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** and / or / comma / parentheses (Loki's TestBinary_Filter). */
class LabelFiltersTest {
  private static final String OR_AND = "| (duration > 1s or status != 200) and method != \"POST\"";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("| foo == 5 and bar == 1s", "foo=5,bar=1s", true),
        Arguments.of("| foo == 5, bar == 42kB", "foo=5,bar=42kB", true),
        Arguments.of("| foo == 5 bar == 1s", "foo=6,bar=1s", false),
        Arguments.of("| foo == 5 and bar == 1s", "foo=5,bar=2s", false),
        Arguments.of("| foo=\"5\" and bar == 1s", "foo=5,bar=1s", true),
        Arguments.of("| foo=\"5\" and bar == 1s", "foo=6,bar=1s", false),
        Arguments.of(OR_AND, "duration=2s,status=200,method=GET", true),
        Arguments.of(OR_AND, "duration=2s,status=200,method=POST", false),
        Arguments.of(OR_AND, "duration=2s,status=500,method=POST", false),
        Arguments.of(
            "| (duration > 3s or status != 200) and method != \"POST\"",
            "duration=2s,status=200,method=POST",
            false),
        Arguments.of("| a=\"1\" or b=\"2\" and c=\"3\"", "a=1", true), // and binds tighter
        Arguments.of("| a=\"1\" or b=\"2\" and c=\"3\"", "b=2", false),
        Arguments.of("| a=\"1\" | b=\"2\"", "a=1,b=2", true),
        Arguments.of("| a=\"1\" | b=\"2\"", "a=1,b=3", false));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void combines(String pipeline, String labels, boolean keep) {
    assertThat(PipelineFixture.run(pipeline, Fixtures.labels(labels), "line").keep())
        .isEqualTo(keep);
  }

  static Stream<Arguments> errorCases() {
    return Stream.of(
        // and evaluates both sides, so the right-hand error is recorded even when the left drops
        Arguments.of(
            "| (a > 1 and b > 1) or c=\"x\"",
            "a=0,b=zz,c=x",
            true,
            "{__error__=\"LabelFilterErr\", "
                + "__error_details__=\"strconv.ParseFloat: parsing \\\"zz\\\": invalid syntax\", "
                + "a=\"0\", b=\"zz\", c=\"x\"}"),
        // the first error is kept
        Arguments.of(
            "| a > 1 and b > 1",
            "a=x,b=y",
            true,
            "{__error__=\"LabelFilterErr\", "
                + "__error_details__=\"strconv.ParseFloat: parsing \\\"x\\\": invalid syntax\", "
                + "a=\"x\", b=\"y\"}"),
        Arguments.of("| a > 1 | __error__=\"\"", "a=x", false, null));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("errorCases")
  void conversionErrorsKeepTheLine(String pipeline, String labels, boolean keep, String expected) {
    PipelineFixture.Result r = PipelineFixture.run(pipeline, Fixtures.labels(labels), "line");
    assertThat(r.keep()).isEqualTo(keep);
    if (expected != null) {
      assertThat(r.labelsText()).isEqualTo(expected);
    }
  }
}
