package io.skald.logql.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases follow Loki's TestLogfmtExpressionParser and TestXExpressionParserFailures. */
class LogfmtExpressionParserTest {
  static final String LINE =
      "app=foo level=error spaces=\"value with ÜFT8👌\" ts=2021-02-12T19:18:10.037940878Z";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("single field", "app", "{}", null, "{app=\"foo\"}"),
        Arguments.of(
            "multiple fields",
            "app, level, ts",
            "{}",
            null,
            "{app=\"foo\", level=\"error\", ts=\"2021-02-12T19:18:10.037940878Z\"}"),
        Arguments.of("label renaming", "test=\"level\"", "{}", null, "{test=\"error\"}"),
        Arguments.of(
            "multiple fields with label renaming",
            "app, lvl=\"level\", timestamp=\"ts\"",
            "{}",
            null,
            "{app=\"foo\", lvl=\"error\", timestamp=\"2021-02-12T19:18:10.037940878Z\"}"),
        Arguments.of(
            "value with spaces and ÜFT8👌", "spaces", "{}", null, "{spaces=\"value with ÜFT8👌\"}"),
        Arguments.of("expression matching nothing", "nope", "{}", null, "{nope=\"\"}"),
        Arguments.of("double property logfmt", "app", "ap=bar", null, "{ap=\"bar\", app=\"foo\"}"),
        Arguments.of(
            "label override", "app", "app=bar", null, "{app=\"bar\", app_extracted=\"foo\"}"),
        Arguments.of(
            "label override 2",
            "lvl=\"level\"",
            "level=debug",
            null,
            "{level=\"debug\", lvl=\"error\"}"),
        Arguments.of(
            "structured metadata conflict",
            "app",
            "{}",
            "app=foo_sm",
            "{app=\"foo_sm\", app_extracted=\"foo\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void extractsNamedKeys(
      String name, String params, String stream, String metadata, String expected) {
    PipelineFixture.Result r =
        PipelineFixture.run(
            "| logfmt " + params, Fixtures.labels(stream), Fixtures.labels(metadata), LINE);
    assertThat(r.labelsText()).isEqualTo(expected);
  }

  @Test
  void strictReportsErrors() {
    assertThat(PipelineFixture.run("| logfmt --strict app", "app=a b=\"x").labelsText())
        .isEqualTo(
            "{__error__=\"LogfmtParserErr\", "
                + "__error_details__=\"logfmt syntax error at pos 11 : unterminated quoted value\", app=\"a\"}");
  }

  @Test
  void invalidExpression() {
    assertThat(PipelineFixture.compileError("| logfmt app=\"field with space\""))
        .endsWith("cannot parse expression [field with space]: syntax error: unexpected KEY");
  }
}
