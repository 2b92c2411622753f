package io.skald.logql.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases follow Loki's Test_jsonParser_Parse (pkg/logql/log/parser_test.go). */
class JsonParserTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "multi depth",
            "{}",
            null,
            "{\"app\":\"foo\",\"namespace\":\"prod\",\"pod\":{\"uuid\":\"foo\",\"deployment\":{\"ref\":\"foobar\"}}}",
            "{app=\"foo\", namespace=\"prod\", pod_deployment_ref=\"foobar\", pod_uuid=\"foo\"}"),
        Arguments.of(
            "multi depth with duplicates",
            "app=foo,pod_uuid=foo",
            null,
            "{\"app\":\"bar\",\"namespace\":\"prod\",\"pod\":{\"uuid\":\"bar\",\"deployment\":{\"ref\":\"foobar\"}}}",
            "{app=\"foo\", app_extracted=\"bar\", namespace=\"prod\", pod_deployment_ref=\"foobar\", "
                + "pod_uuid=\"foo\", pod_uuid_extracted=\"bar\"}"),
        Arguments.of(
            "numeric",
            "{}",
            null,
            "{\"counter\":1, \"price\": {\"_net_\":5.56909}}",
            "{counter=\"1\", price__net_=\"5.56909\"}"),
        Arguments.of(
            "whitespace key value", "{}", null, "{\" \": {\"foo\":\"bar\"}}", "{foo=\"bar\"}"),
        Arguments.of(
            "escaped",
            "{}",
            null,
            "{\"counter\":1,\"foo\":\"foo\\\\\\\"bar\", \"price\": {\"_net_\":5.56909}}",
            "{counter=\"1\", foo=\"foo\\\\\\\"bar\", price__net_=\"5.56909\"}"),
        Arguments.of(
            "utf8 error rune",
            "{}",
            null,
            "{\"counter\":1,\"foo\":\"\uFFFD\", \"price\": {\"_net_\":5.56909}}",
            "{counter=\"1\", foo=\" \", price__net_=\"5.56909\"}"),
        Arguments.of(
            "skip arrays",
            "{}",
            null,
            "{\"counter\":1, \"price\": {\"net_\":[\"10\",\"20\"]}}",
            "{counter=\"1\"}"),
        Arguments.of("bad key replaced", "{}", null, "{\"cou-nter\":1}", "{cou_nter=\"1\"}"),
        Arguments.of(
            "nested bad key replaced",
            "{}",
            null,
            "{\"foo\":{\"cou-nter\":1}}\"",
            "{foo_cou_nter=\"1\"}"),
        Arguments.of(
            "errors",
            "{}",
            null,
            "{n}",
            "{__error__=\"JSONParserErr\", "
                + "__error_details__=\"Value looks like object, but can't find closing '}' symbol\"}"),
        Arguments.of(
            "duplicate extraction",
            "app=bar",
            null,
            "{\"app\":\"foo\",\"namespace\":\"prod\",\"pod\":{\"uuid\":\"foo\",\"deployment\":{\"ref\":\"foobar\"}},"
                + "\"next\":{\"err\":false}}",
            "{app=\"bar\", app_extracted=\"foo\", namespace=\"prod\", next_err=\"false\", "
                + "pod_deployment_ref=\"foobar\", pod_uuid=\"foo\"}"),
        Arguments.of(
            "duplicate conflict with structured metadata",
            "{}",
            "pod=pod_sm",
            "{\"app\":\"foo\",\"namespace\":\"prod\",\"pod\":\"pod_parsed\"}",
            "{app=\"foo\", namespace=\"prod\", pod=\"pod_sm\", pod_extracted=\"pod_parsed\"}"),
        Arguments.of(
            "duplicate key takes the first value",
            "{}",
            null,
            "{\"a\":\"1\",\"a\":\"2\"}",
            "{a=\"1\"}"),
        Arguments.of(
            "leading digit and unicode key",
            "{}",
            null,
            "{\"1a\":\"x\",\"é-b\":\"y\",\"n\":{\"2\":\"z\"}}",
            "{_1a=\"x\", __b=\"y\", n_2=\"z\"}"),
        Arguments.of(
            "null skipped, true kept", "{}", null, "{\"a\":null,\"b\":true}", "{b=\"true\"}"),
        Arguments.of(
            "escaped key and unicode escape",
            "{}",
            null,
            "{\"k\\u0065y\":\"caf\\u00e9 \\ud83d\\ude00\"}",
            "{key=\"café 😀\"}"),
        Arguments.of(
            "invalid value escape gives empty", "{}", null, "{\"a\":\"x\\qy\"}", "{a=\"\"}"),
        Arguments.of(
            "labels before an error are kept",
            "{}",
            null,
            "{\"a\":\"1\",\"b\":tru}",
            "{__error__=\"JSONParserErr\", __error_details__=\"Unknown value type\", a=\"1\"}"),
        Arguments.of(
            "empty line",
            "{}",
            null,
            "",
            "{__error__=\"JSONParserErr\", "
                + "__error_details__=\"Value looks like object, but can't find closing '}' symbol\"}"),
        Arguments.of(
            "not json",
            "{}",
            null,
            "level=info",
            "{__error__=\"JSONParserErr\", "
                + "__error_details__=\"Value looks like object, but can't find closing '}' symbol\"}"),
        Arguments.of(
            "unterminated string",
            "{}",
            null,
            "{\"a\":\"b",
            "{__error__=\"JSONParserErr\", "
                + "__error_details__=\"Value is string, but can't find closing '\\\"' symbol\"}"),
        Arguments.of("trailing garbage ignored", "{}", null, "{\"a\":1} trailing", "{a=\"1\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void extractsLikeLoki(String name, String stream, String metadata, String line, String expected) {
    PipelineFixture.Result r =
        PipelineFixture.run("| json", Fixtures.labels(stream), Fixtures.labels(metadata), line);
    assertThat(r.keep()).isTrue();
    assertThat(r.line()).as("line is untouched").isEqualTo(line);
    assertThat(r.labelsText()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void errorLabelsCanBeFilteredOut(
      String name, String stream, String metadata, String line, String expected) {
    PipelineFixture.Result r =
        PipelineFixture.run(
            "| json | __error__=\"\"", Fixtures.labels(stream), Fixtures.labels(metadata), line);
    assertThat(r.keep()).isEqualTo(!expected.contains("__error__"));
  }
}
