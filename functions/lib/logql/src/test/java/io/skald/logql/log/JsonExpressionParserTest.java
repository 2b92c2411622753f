package io.skald.logql.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases follow Loki's TestJSONExpressionParser and TestJSONExpressionParserFailures. */
class JsonExpressionParserTest {
  static final String LINE =
      "{\"app\":\"foo\",\"field with space\":\"value\",\"field with ÜFT8👌\":\"value\","
          + "\"null_field\":null,\"bool_field\":false,\"namespace\":\"prod\",\"pod\":{\"uuid\":\"foo\","
          + "\"deployment\":{\"ref\":\"foobar\", \"params\": [1,2,3,\"string_value\"]}}}";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("single field", "app", "{}", null, LINE, "{app=\"foo\"}"),
        Arguments.of(
            "alternate syntax",
            "test=\"[\\\"field with space\\\"]\"",
            "{}",
            null,
            LINE,
            "{test=\"value\"}"),
        Arguments.of(
            "multiple fields",
            "app, namespace",
            "{}",
            null,
            LINE,
            "{app=\"foo\", namespace=\"prod\"}"),
        Arguments.of(
            "utf8", "utf8=\"[\\\"field with ÜFT8👌\\\"]\"", "{}", null, LINE, "{utf8=\"value\"}"),
        Arguments.of("nested field", "uuid=\"pod.uuid\"", "{}", null, LINE, "{uuid=\"foo\"}"),
        Arguments.of(
            "nested field alternate syntax",
            "uuid=\"pod[\\\"uuid\\\"]\"",
            "{}",
            null,
            LINE,
            "{uuid=\"foo\"}"),
        Arguments.of(
            "nested field alternate syntax 2",
            "uuid=\"[\\\"pod\\\"][\\\"uuid\\\"]\"",
            "{}",
            null,
            LINE,
            "{uuid=\"foo\"}"),
        Arguments.of(
            "nested field alternate syntax 3",
            "uuid=\"[\\\"pod\\\"].uuid\"",
            "{}",
            null,
            LINE,
            "{uuid=\"foo\"}"),
        Arguments.of(
            "array element",
            "param=\"pod.deployment.params[0]\"",
            "{}",
            null,
            LINE,
            "{param=\"1\"}"),
        Arguments.of(
            "object element not present",
            "undefined=\"pod[\\\"\\\"]\"",
            "{}",
            null,
            LINE,
            "{undefined=\"\"}"),
        Arguments.of(
            "array string element",
            "param=\"pod.deployment.params[3]\"",
            "{}",
            null,
            LINE,
            "{param=\"string_value\"}"),
        Arguments.of(
            "full array",
            "params=\"pod.deployment.params\"",
            "{}",
            null,
            LINE,
            "{params=\"[1,2,3,\\\"string_value\\\"]\"}"),
        Arguments.of(
            "full object",
            "deployment=\"pod.deployment\"",
            "{}",
            null,
            LINE,
            "{deployment=\"{\\\"ref\\\":\\\"foobar\\\", \\\"params\\\": [1,2,3,\\\"string_value\\\"]}\"}"),
        Arguments.of(
            "expression matching nothing", "nope=\"pod.nope\"", "{}", null, LINE, "{nope=\"\"}"),
        Arguments.of("null field", "nf=\"null_field\"", "{}", null, LINE, "{nf=\"\"}"),
        Arguments.of(
            "boolean field", "boolv=\"bool_field\"", "{}", null, LINE, "{boolv=\"false\"}"),
        Arguments.of(
            "label override",
            "uuid=\"pod.uuid\"",
            "uuid=bar",
            null,
            LINE,
            "{uuid=\"bar\", uuid_extracted=\"foo\"}"),
        Arguments.of(
            "non-matching expression",
            "request_size=\"request.size.invalid\"",
            "uuid=bar",
            null,
            LINE,
            "{request_size=\"\", uuid=\"bar\"}"),
        Arguments.of("empty object", "uuid=\"pod.uuid\"", "{}", null, "{}", "{uuid=\"\"}"),
        Arguments.of(
            "invalid JSON line",
            "uuid=\"will.not.work\"",
            "foo=bar",
            null,
            "invalid json",
            "{__error__=\"JSONParserErr\", foo=\"bar\"}"),
        Arguments.of("empty line", "uuid=\"will.not.work\"", "foo=bar", null, "", "{foo=\"bar\"}"),
        Arguments.of(
            "nested escaped object",
            "app",
            "foo=bar",
            null,
            "{\"app\":\"{ \\\"key\\\": \\\"value\\\", \\\"key2\\\":\\\"value2\\\"}\"}",
            "{app=\"{ \\\"key\\\": \\\"value\\\", \\\"key2\\\":\\\"value2\\\"}\", foo=\"bar\"}"),
        Arguments.of(
            "nested object with escaped value",
            "app",
            "foo=bar",
            null,
            "{\"app\":{\"name\":\"great \\\"loki\\\"\"}",
            "{app=\"{\\\"name\\\":\\\"great \\\\\\\"loki\\\\\\\"\\\"}\", foo=\"bar\"}"),
        Arguments.of(
            "duplicate field name takes first value",
            "app",
            "foo=bar",
            null,
            "{\"app\":\"foo\",\"app\":\"duplicate\"}",
            "{app=\"foo\", foo=\"bar\"}"),
        Arguments.of(
            "duplicate conflict with structured metadata",
            "app",
            "{}",
            "app=app_sm",
            LINE,
            "{app=\"app_sm\", app_extracted=\"foo\"}"),
        Arguments.of(
            "top level array index",
            "first=\"[1]\"",
            "{}",
            null,
            "[\"a\",{\"b\":2}]",
            "{first=\"{\\\"b\\\":2}\"}"),
        Arguments.of(
            "nested array object",
            "x=\"a[1].b\"",
            "{}",
            null,
            "{\"a\":[{\"b\":1},{\"b\":\"two\"}]}",
            "{x=\"two\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void extractsPaths(
      String name, String params, String stream, String metadata, String line, String expected) {
    PipelineFixture.Result r =
        PipelineFixture.run(
            "| json " + params, Fixtures.labels(stream), Fixtures.labels(metadata), line);
    assertThat(r.keep()).isTrue();
    assertThat(r.labelsText()).isEqualTo(expected);
  }

  @Test
  void invalidExpressionsAreRefusedWithLokisMessages() {
    assertThat(PipelineFixture.compileError("| json app=\"field with space\""))
        .endsWith("cannot parse expression [field with space]: syntax error: unexpected FIELD");
    assertThat(PipelineFixture.compileError("| json app=\"\\\"pod\\\"]\""))
        .endsWith(
            "cannot parse expression [\"pod\"]]: syntax error: unexpected STRING, expecting LSB or FIELD");
    assertThat(PipelineFixture.compileError("| json app=\"[\\\"pod\\\"\""))
        .endsWith(
            "cannot parse expression [[\"pod\"]: syntax error: unexpected $end, expecting RSB");
    assertThat(PipelineFixture.compileError("| json app=\"[\\\"pod\\\"\\\"uuid\\\"]\""))
        .endsWith("syntax error: unexpected STRING, expecting RSB");
    assertThat(PipelineFixture.compileError("| json app=\"pod..uuid\""))
        .endsWith(
            "cannot parse expression [pod..uuid]: syntax error: unexpected DOT, expecting FIELD");
    assertThat(PipelineFixture.compileError("| json app=\"[\\\"key\""))
        .endsWith("syntax error: unexpected $end, expecting RSB");
    assertThat(PipelineFixture.compileError("| json app=\"a[1.5]\""))
        // The scanner's "cannot use float as array index" is overwritten by the parser's error, as
        // in Loki.
        .endsWith(
            "cannot parse expression [a[1.5]]: syntax error: unexpected $end, expecting STRING or INDEX");
    assertThat(PipelineFixture.compileError("| json app=\"a-b\""))
        .isEqualTo(
            "parse error : stage '| json app=\"a-b\"' : cannot parse expression [a-b]: unexpected char -");
  }
}
