package io.skald.logql.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases follow Loki's Test_PatternParser and the pattern package's matcher fixtures. */
class PatternParserTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "common log format",
            "<ip> <userid> <user> [<_>] \\\"<method> <path> <_>\\\" <status> <size>",
            "foo=bar",
            null,
            "127.0.0.1 user-identifier frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326",
            "{foo=\"bar\", ip=\"127.0.0.1\", method=\"GET\", path=\"/apache_pb.gif\", size=\"2326\", "
                + "status=\"200\", user=\"frank\", userid=\"user-identifier\"}"),
        Arguments.of(
            "distributor",
            "<_> msg=\\\"<method> <path> (<status>) <duration>\\\"",
            "method=bar",
            null,
            "level=debug ts=2021-05-19T07:54:26.864644382Z caller=logging.go:66 traceID=7fbb92fd0eb9c65d "
                + "msg=\"POST /loki/api/v1/push (204) 1.238734ms\"",
            "{duration=\"1.238734ms\", method=\"bar\", method_extracted=\"POST\", path=\"/loki/api/v1/push\", "
                + "status=\"204\"}"),
        Arguments.of(
            "leading literal must be at the start",
            "foo <f>\\\"",
            "method=bar",
            null,
            "bar",
            "{method=\"bar\"}"),
        Arguments.of(
            "structured metadata conflict",
            "<ip> <userid> <user> [<_>] \\\"<method> <path> <_>\\\" <status> <size>",
            "{}",
            "user=not_frank",
            "127.0.0.1 user-identifier frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326",
            "{ip=\"127.0.0.1\", method=\"GET\", path=\"/apache_pb.gif\", size=\"2326\", status=\"200\", "
                + "user=\"not_frank\", user_extracted=\"frank\", userid=\"user-identifier\"}"),
        Arguments.of(
            "missing literal: capture takes the rest",
            "foo <foo> bar<fuzz>",
            "{}",
            null,
            "foo buzz bar",
            "{foo=\"buzz\", fuzz=\"\"}"),
        Arguments.of(
            "missing literal stops matching",
            "<path>?<_>",
            "{}",
            null,
            "/api/plugins/status",
            "{path=\"/api/plugins/status\"}"),
        Arguments.of(
            "cassandra",
            "<level>  [<component>]<_> in <duration>.<_>",
            "{}",
            null,
            "INFO  [Service Thread] 2021-05-19 07:40:12,130 GCInspector.java:284 - ParNew GC in 248ms.  CMS",
            "{component=\"Service Thread\", duration=\"248ms\", level=\"INFO\"}"),
        Arguments.of(
            "unicode capture",
            "unicode <emoji> character",
            "{}",
            null,
            "unicode 🤷 character",
            "{emoji=\"🤷\"}"),
        Arguments.of("empty line", "<a> <b>", "{}", null, "", "{}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void extractsCaptures(
      String name, String pattern, String stream, String metadata, String line, String expected) {
    PipelineFixture.Result r =
        PipelineFixture.run(
            "| pattern \"" + pattern + "\"",
            Fixtures.labels(stream),
            Fixtures.labels(metadata),
            line);
    assertThat(r.keep()).isTrue();
    assertThat(r.labelsText()).isEqualTo(expected);
  }

  @Test
  void invalidPatterns() {
    assertThat(PipelineFixture.compileError("| pattern \"<_> foo\""))
        .isEqualTo(
            "parse error : stage '| pattern \"<_> foo\"' : at least one capture is required");
    assertThat(PipelineFixture.compileError("| pattern \"<a><b>\""))
        .endsWith("found consecutive capture '<a><b>': invalid expression");
    assertThat(PipelineFixture.compileError("| pattern \"<a> <a>\""))
        .endsWith("duplicate capture name (a): invalid expression");
  }
}
