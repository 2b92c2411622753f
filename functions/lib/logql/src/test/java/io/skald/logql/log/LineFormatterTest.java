package io.skald.logql.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.skald.gocompat.GoQuote;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases follow Loki's Test_lineFormatter_Format (pkg/logql/log/fmt_test.go). */
class LineFormatterTest {
  private static final String FB = "foo=blip,bar=blop";
  private static final String BB = "foo=BLIp,bar=blop";

  /** name, template, labels, ts, input line, expected line, expected labels (null: unchanged). */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "count", "{{.foo | count \"abc\" }}", "foo=abc abc abc,bar=blop", 0L, "", "3", null),
        Arguments.of(
            "count regex",
            "{{.foo | count \"a|b|c\" }}",
            "foo=abc abc abc,bar=blop",
            0L,
            "",
            "9",
            null),
        Arguments.of(
            "combining", "foo{{.foo}}buzz{{  .bar  }}", FB, 0L, "", "fooblipbuzzblop", null),
        Arguments.of(
            "Replace",
            "foo{{.foo}}buzz{{ Replace .bar \"blop\" \"bar\" -1 }}",
            FB,
            0L,
            "",
            "fooblipbuzzbar",
            null),
        Arguments.of(
            "replace",
            "foo{{.foo}}buzz{{ .bar | replace \"blop\" \"bar\" }}",
            FB,
            0L,
            "",
            "fooblipbuzzbar",
            null),
        Arguments.of("title", "{{.foo | title }}", FB, 0L, "", "Blip", null),
        Arguments.of(
            "substr and trunc",
            "{{.foo | substr 1 3 }} {{ .bar  | trunc 1 }} {{ .bar  | trunc 3 }}",
            FB,
            0L,
            "",
            "li b blo",
            null),
        Arguments.of(
            "trim",
            "{{.foo | trim }} {{ .bar  | trimAll \"op\" }} {{ .bar  | trimPrefix \"b\" }} "
                + "{{ .bar  | trimSuffix \"p\" }}",
            "foo=  blip ,bar=blop",
            0L,
            "",
            "blip bl lop blo",
            null),
        Arguments.of(
            "lower and upper",
            "{{.foo | lower }} {{ .bar  | upper }}",
            BB,
            0L,
            "",
            "blip BLOP",
            null),
        Arguments.of(
            "urlencode",
            "{{.foo | urlencode }} {{ urlencode .foo }}",
            "|foo=/loki/api/v1/query?query=sum(count_over_time({stream_filter=\"some_stream\",environment=\"prod\", "
                + "host=~\"someec2.*\"}",
            0L,
            "",
            "%2Floki%2Fapi%2Fv1%2Fquery%3Fquery%3Dsum%28count_over_time%28%7Bstream_filter%3D%22some_stream%22"
                + "%2Cenvironment%3D%22prod%22%2C+host%3D~%22someec2.%2A%22%7D %2Floki%2Fapi%2Fv1%2Fquery%3F"
                + "query%3Dsum%28count_over_time%28%7Bstream_filter%3D%22some_stream%22%2Cenvironment%3D%22"
                + "prod%22%2C+host%3D~%22someec2.%2A%22%7D",
            null),
        Arguments.of(
            "urldecode",
            "{{.foo | urldecode }} {{ urldecode .foo }}",
            "|foo=%2Floki%2Fapi%2Fv1%2Fquery%3Fquery%3Dsum%28count_over_time%28%7Bstream_filter%3D%22some_stream"
                + "%22%2Cenvironment%3D%22prod%22%2C+host%3D~%22someec2.%2A%22%7D",
            0L,
            "",
            "/loki/api/v1/query?query=sum(count_over_time({stream_filter=\"some_stream\",environment=\"prod\", "
                + "host=~\"someec2.*\"} /loki/api/v1/query?query=sum(count_over_time({stream_filter="
                + "\"some_stream\",environment=\"prod\", host=~\"someec2.*\"}",
            null),
        Arguments.of("repeat", "{{ \"foo\" | repeat 3 }}", BB, 0L, "", "foofoofoo", null),
        Arguments.of(
            "indent", "{{ \"foo\\n bar\" | indent 4 }}", BB, 0L, "", "    foo\n     bar", null),
        Arguments.of("nindent", "{{ \"foo\" | nindent 2 }}", BB, 0L, "", "\n  foo", null),
        Arguments.of(
            "contains",
            "{{ if  .foo | contains \"p\"}}yes{{end}}-{{ if  .foo | contains \"z\"}}no{{end}}",
            BB,
            0L,
            "",
            "yes-",
            null),
        Arguments.of(
            "hasPrefix",
            "{{ if  .foo | hasPrefix \"BL\" }}yes{{end}}-{{ if  .foo | hasPrefix \"p\"}}no{{end}}",
            BB,
            0L,
            "",
            "yes-",
            null),
        Arguments.of(
            "hasSuffix",
            "{{ if  .foo | hasSuffix \"Ip\" }}yes{{end}}-{{ if  .foo | hasSuffix \"pw\"}}no{{end}}",
            BB,
            0L,
            "",
            "yes-",
            null),
        Arguments.of(
            "regexReplaceAll",
            "{{ regexReplaceAll \"(p)\" .foo \"t\" }}",
            BB,
            0L,
            "",
            "BLIt",
            null),
        Arguments.of(
            "regexReplaceAllLiteral",
            "{{ regexReplaceAllLiteral \"(p)\" .foo \"${1}\" }}",
            BB,
            0L,
            "",
            "BLI${1}",
            null),
        Arguments.of(
            "err",
            "{{.foo Replace \"foo\"}}",
            FB,
            0L,
            "",
            "",
            "{__error__=\"TemplateFormatErr\", __error_details__=\"template: line:1:2: executing \\\"line\\\" "
                + "at <.foo>: foo is not a method but has arguments\", bar=\"blop\", foo=\"blip\"}"),
        Arguments.of(
            "missing", "foo {{.foo}}buzz{{  .bar  }}", "bar=blop", 0L, "", "foo buzzblop", null),
        Arguments.of(
            "function",
            "foo {{.foo | ToUpper }} buzz{{  .bar  }}",
            FB,
            0L,
            "",
            "foo BLIP buzzblop",
            null),
        Arguments.of(
            "mathint",
            "{{ add .foo 1 | sub .bar | mul .baz | div .bazz}}",
            "foo=1,bar=3,baz=10,bazz=20",
            0L,
            "",
            "2",
            null),
        Arguments.of(
            "mathfloat",
            "{{ addf .foo 1.5 | subf .bar 1.5 | mulf .baz | divf .bazz }}",
            "foo=1.5,bar=5,baz=10.5,bazz=20.2",
            0L,
            "",
            "3.8476190476190477",
            null),
        Arguments.of(
            "mathfloatround",
            "{{ round (addf .foo 1.5 | subf .bar | mulf .baz | divf .bazz) 5 .2}}",
            "foo=1.5,bar=3.5,baz=10.5,bazz=20.4",
            0L,
            "",
            "3.88572",
            null),
        Arguments.of(
            "min",
            "min is {{ min .foo .bar .baz }} and max is {{ max .foo .bar .baz }}",
            "foo=5,bar=10,baz=15",
            0L,
            "",
            "min is 5 and max is 15",
            null),
        Arguments.of(
            "max",
            "minf is {{ minf .foo .bar .baz }} and maxf is {{maxf .foo .bar .baz}}",
            "foo=5.3,bar=10.5,baz=15.2",
            0L,
            "",
            "minf is 5.3 and maxf is 15.2",
            null),
        Arguments.of(
            "ceilfloor",
            "ceil is {{ ceil .foo }} and floor is {{floor .foo }}",
            "foo=5.3",
            0L,
            "",
            "ceil is 6 and floor is 5",
            null),
        Arguments.of("mod", "mod is {{ mod .foo 3 }}", "foo=20", 0L, "", "mod is 2", null),
        Arguments.of(
            "float64int", "{{ \"2.5\" | float64 | int | add 10}}", "foo=2.5", 0L, "", "12", null),
        Arguments.of(
            "datetime",
            "{{ sub (unixEpoch (toDate \"2006-01-02\" \"2021-11-02\")) "
                + "(unixEpoch (toDate \"2006-01-02\" \"2021-11-01\")) }}",
            "{}",
            0L,
            "",
            "86400",
            null),
        Arguments.of(
            "dateformat",
            "{{ date \"2006-01-02\" (toDate \"2006-01-02\" \"2021-11-02\") }}",
            "{}",
            0L,
            "",
            "2021-11-02",
            null),
        Arguments.of("now", "{{ div (unixEpoch now) (unixEpoch now) }}", "{}", 0L, "", "1", null),
        Arguments.of("line", "{{ __line__ }} bar {{ .bar }}", "bar=2", 0L, "1", "1 bar 2", null),
        Arguments.of(
            "default",
            "{{.foo | default \"-\" }}{{.bar | default \"-\"}}{{.unknown | default \"-\"}}",
            "foo=blip,bar=",
            0L,
            "",
            "blip--",
            null),
        Arguments.of(
            "timestamp",
            "{{ __timestamp__ | date \"2006-01-02\" }} bar {{ .bar }}",
            "bar=2",
            1656331200000000000L,
            "1",
            "2022-06-27 bar 2",
            null),
        Arguments.of(
            "timestamp_unix",
            "{{ __timestamp__ | unixEpoch }} bar {{ .bar }}",
            "bar=2",
            1656353124120000000L,
            "1",
            "1656353124 bar 2",
            null),
        Arguments.of(
            "template_error",
            "{{.foo | now}}",
            FB,
            0L,
            "",
            "",
            "{__error__=\"TemplateFormatErr\", __error_details__=\"template: line:1:9: executing \\\"line\\\" "
                + "at <now>: wrong number of args for now: want 0 got 1\", bar=\"blop\", foo=\"blip\"}"),
        Arguments.of("bytes 1", "{{ .foo | bytes }}", "foo=3 kB", 0L, "1", "3000", null),
        Arguments.of("bytes 2", "{{ .foo | bytes }}", "foo=3MB", 0L, "1", "3e+06", null),
        Arguments.of("duration 1", "{{ .foo | duration }}", "foo=3ms", 0L, "1", "0.003", null),
        Arguments.of(
            "duration 2", "{{ .foo | duration_seconds }}", "foo=3m10s", 0L, "1", "190", null),
        Arguments.of(
            "toDateInZone",
            "{{ .foo | toDateInZone \"2006-01-02T15:04:05.999999999Z\" \"UTC\" | "
                + "unixEpochMillis }}",
            "foo=2023-03-10T01:32:40.340485723Z",
            0L,
            "1",
            "1678411960340",
            null),
        Arguments.of(
            "unixEpochNanos",
            "{{ .foo | toDateInZone \"2006-01-02T15:04:05.999999999Z\" \"UTC\" | "
                + "unixEpochNanos }}",
            "foo=2023-03-10T01:32:40.340485723Z",
            0L,
            "1",
            "1678411960340485723",
            null),
        Arguments.of(
            "base64encode",
            "{{ .foo | b64enc }}",
            "foo=i'm a string, encode me!",
            0L,
            "1",
            "aSdtIGEgc3RyaW5nLCBlbmNvZGUgbWUh",
            null),
        Arguments.of(
            "base64decode",
            "{{ .foo | b64dec }}",
            "foo=aSdtIGEgc3RyaW5nLCBlbmNvZGUgbWUh",
            0L,
            "1",
            "i'm a string, encode me!",
            null),
        Arguments.of(
            "base64decode missing padding",
            "{{ .foo | b64dec }} {{ .bar | b64dec }}",
            "foo=Zm9vYmE,bar=Zm9vYg",
            0L,
            "1",
            "fooba foob",
            null),
        Arguments.of("alignLeft", "{{ alignLeft 4 .foo }}", "foo=hello", 0L, "1", "hell", null),
        Arguments.of("alignRight", "{{ alignRight 4 .foo }}", "foo=hello", 0L, "1", "ello", null),
        Arguments.of("simple key template", "{{.foo}}", "foo=bar", 0L, "", "bar", null),
        Arguments.of(
            "simple key template with space", "{{.foo}}  ", "foo=bar", 0L, "", "bar  ", null),
        Arguments.of(
            "simple key template with missing key", "{{.missing}}", "foo=bar", 0L, "x", "", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void formats(
      String name,
      String template,
      String labels,
      long ts,
      String line,
      String expectedLine,
      String expectedLabels) {
    PipelineFixture.Result r =
        PipelineFixture.run(
            "| line_format " + GoQuote.quote(template), Fixtures.labels(labels), null, line, ts);
    assertThat(r.keep()).isTrue();
    assertThat(r.line())
        .isEqualTo(expectedLine.isEmpty() && expectedLabels != null ? line : expectedLine);
    assertThat(r.labelsText())
        .isEqualTo(expectedLabels == null ? Fixtures.labels(labels).toString() : expectedLabels);
  }

  @Test
  void parseErrorsAreRefusedAtCompileTime() {
    assertThat(PipelineFixture.compileError("| line_format \"{{.foo | nope}}\""))
        .isEqualTo(
            "parse error : stage '| line_format \"{{.foo | nope}}\"' : invalid line template: "
                + "template: line:1: function \"nope\" not defined");
    assertThat(PipelineFixture.compileError("| line_format \"{{if .a}}x\""))
        .endsWith("invalid line template: template: line:1: unexpected EOF");
  }

  @Test
  void errorLabelIsAField() {
    PipelineFixture.Result r =
        PipelineFixture.run("| json | line_format \"{{.__error__}}\"", "nope");
    assertThat(r.line()).isEqualTo("JSONParserErr");
  }

  @Test
  void parsedLabelsFeedTheTemplate() {
    PipelineFixture.Result r =
        PipelineFixture.run(
            "| logfmt | line_format \"{{.level | upper}}: {{.msg}}\"",
            "level=warn msg=\"disk full\"");
    assertThat(r.line()).isEqualTo("WARN: disk full");
  }
}
