package io.skald.logql.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.skald.labels.LabelSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cases follow Loki's Test_labelsFormatter_Format (line "test line", time 1661518453244672570);
 * "Local" time is UTC here.
 */
class LabelsFormatterTest {
  private static final long TS = 1661518453244672570L;
  private static final String FB = "foo=blip,bar=blop";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("rename label", "baz=foo", FB, "{bar=\"blop\", baz=\"blip\"}"),
        Arguments.of("rename and overwrite existing label", "bar=foo", FB, "{bar=\"blip\"}"),
        Arguments.of(
            "combined with template",
            "foo=\"{{.foo}} and {{.bar}}\"",
            FB,
            "{bar=\"blop\", foo=\"blip and blop\"}"),
        Arguments.of(
            "combined with template and rename",
            "blip=\"{{.foo}} and {{.bar}}\", bar=foo",
            FB,
            "{bar=\"blip\", blip=\"blip and blop\"}"),
        Arguments.of(
            "fn",
            "blip=\"{{.foo | ToUpper }} and {{.bar}}\", bar=foo",
            FB,
            "{bar=\"blip\", blip=\"BLIP and blop\"}"),
        Arguments.of("math", "status=\"{{div .status 100 }}\"", "status=200", "{status=\"2\"}"),
        Arguments.of(
            "default",
            "blip=\"{{.foo | default \\\"-\\\" }} and {{.bar}}\"",
            "bar=blop",
            "{bar=\"blop\", blip=\"- and blop\"}"),
        Arguments.of(
            "template error",
            "bar=\"{{replace \\\"test\\\" .foo}}\"",
            FB,
            "{__error__=\"TemplateFormatErr\", __error_details__=\"template: label:1:2: executing "
                + "\\\"label\\\" at <replace>: wrong number of args for replace: want 3 got 2\", "
                + "bar=\"blop\", foo=\"blip\"}"),
        Arguments.of(
            "line",
            "line=\"{{ __line__ }}\"",
            FB,
            "{bar=\"blop\", foo=\"blip\", line=\"test line\"}"),
        Arguments.of(
            "timestamp",
            "ts=\"{{ __timestamp__ | date \\\"2006-01-02\\\" }}\"",
            FB,
            "{bar=\"blop\", foo=\"blip\", ts=\"2022-08-26\"}"),
        Arguments.of(
            "timestamp_unix",
            "ts=\"{{ __timestamp__ | unixEpoch }}\"",
            FB,
            "{bar=\"blop\", foo=\"blip\", ts=\"1661518453\"}"),
        Arguments.of(
            "count",
            "count=\"{{ __line__ | count \\\"test\\\" }}\"",
            FB,
            "{bar=\"blop\", count=\"1\", foo=\"blip\"}"),
        Arguments.of(
            "count regex no matches",
            "count=\"{{ __line__ | count \\\"notmatching.*\\\" }}\"",
            "{}",
            "{count=\"0\"}"),
        Arguments.of(
            "bytes 1",
            "bar=\"{{ .foo | bytes }}\"",
            "foo=3 kB,bar=blop",
            "{bar=\"3000\", foo=\"3 kB\"}"),
        Arguments.of(
            "bytes 2",
            "bar=\"{{ .foo | bytes }}\"",
            "foo=3MB,bar=blop",
            "{bar=\"3e+06\", foo=\"3MB\"}"),
        Arguments.of(
            "duration 1",
            "bar=\"{{ .foo | duration }}\"",
            "foo=3ms,bar=blop",
            "{bar=\"0.003\", foo=\"3ms\"}"),
        Arguments.of(
            "duration 2",
            "bar=\"{{ .foo | duration }}\"",
            "foo=3m10s,bar=blop",
            "{bar=\"190\", foo=\"3m10s\"}"),
        Arguments.of(
            "toDateInZone",
            "bar=\"{{ .foo | toDateInZone \\\"2006-01-02T15:04:05.999999999Z\\\" "
                + "\\\"UTC\\\" | unixEpochMillis }}\"",
            "foo=2023-03-10T01:32:40.340485723Z,bar=blop",
            "{bar=\"1678411960340\", foo=\"2023-03-10T01:32:40.340485723Z\"}"),
        Arguments.of(
            "base64encode",
            "bar=\"{{ .foo | b64enc }}\"",
            "foo=i'm a string, encode me!,bar=blop",
            "{bar=\"aSdtIGEgc3RyaW5nLCBlbmNvZGUgbWUh\", foo=\"i'm a string, encode me!\"}"),
        Arguments.of(
            "base64decode missing padding",
            "bar=\"{{ .foo | b64dec }}\"",
            "foo=Zm9vYmE,bar=blop",
            "{bar=\"fooba\", foo=\"Zm9vYmE\"}"),
        Arguments.of(
            "unixToTime days",
            "foo=\"{{ .bar | unixToTime }}\"",
            "foo=,bar=19503",
            "{bar=\"19503\", foo=\"2023-05-26 00:00:00 +0000 UTC\"}"),
        Arguments.of(
            "unixToTime seconds",
            "foo=\"{{ .bar | unixToTime }}\"",
            "foo=,bar=1679577215",
            "{bar=\"1679577215\", foo=\"2023-03-23 13:13:35 +0000 UTC\"}"),
        Arguments.of(
            "unixToTime milliseconds",
            "foo=\"{{ .bar | unixToTime }}\"",
            "foo=,bar=1257894000000",
            "{bar=\"1257894000000\", foo=\"2009-11-10 23:00:00 +0000 UTC\"}"),
        Arguments.of(
            "unixToTime microseconds",
            "foo=\"{{ .bar | unixToTime }}\"",
            "foo=,bar=1673798889902000",
            "{bar=\"1673798889902000\", foo=\"2023-01-15 16:08:09.902 +0000 UTC\"}"),
        Arguments.of(
            "unixToTime nanoseconds",
            "foo=\"{{ .bar | unixToTime }}\"",
            "foo=,bar=1000000000000000000",
            "{bar=\"1000000000000000000\", foo=\"2001-09-09 01:46:40 +0000 UTC\"}"),
        Arguments.of(
            "templates see the labels before the stage's first template",
            "a=\"x\", b=\"{{.a}}\"",
            "a=orig",
            "{a=\"x\", b=\"orig\"}"),
        Arguments.of(
            "rename of a missing label does nothing",
            "x=missing",
            FB,
            "{bar=\"blop\", foo=\"blip\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void formats(String name, String formats, String labels, String expected) {
    PipelineFixture.Result r =
        PipelineFixture.run(
            "| label_format " + formats, Fixtures.labels(labels), null, "test line", TS);
    assertThat(r.keep()).isTrue();
    assertThat(r.line()).isEqualTo("test line");
    assertThat(r.labelsText()).isEqualTo(expected);
  }

  @Test
  void validation() {
    assertThat(PipelineFixture.compileError("| label_format foo=bar, foo=blip"))
        .endsWith("multiple label name 'foo' not allowed in a single format operation");
    assertThat(PipelineFixture.compileError("| label_format foo=\"{{.x | nope}}\""))
        .endsWith(
            "invalid template for label 'foo': template: label:1: function \"nope\" not defined");
  }

  @Test
  void renamedLabelsAreParsedLabels() {
    LabelsBuilder b = new LabelsBuilder(LabelSet.of("app", "x"));
    LabelsFormatter.compile(
            java.util.List.of(io.skald.logql.syntax.LabelFormat.rename("svc", "app")))
        .process(0, LineBuffer.of("l"), b);
    assertThat(b.categoryOf("svc")).isEqualTo(LabelCategory.PARSED);
    assertThat(b.has("app")).isFalse();
  }
}
