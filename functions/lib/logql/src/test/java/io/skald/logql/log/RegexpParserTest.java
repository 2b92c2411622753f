package io.skald.logql.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases follow Loki's Test_regexpParser_Parse and TestNewRegexpParser. */
class RegexpParserTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "no matches", "(?P<foo>foo|bar)buzz", "app=foo", null, "blah", "{app=\"foo\"}"),
        Arguments.of(
            "double matches",
            "(?P<foo>.*)buzz",
            "app=bar",
            null,
            "matchebuzz barbuzz",
            "{app=\"bar\", foo=\"matchebuzz bar\"}"),
        Arguments.of(
            "duplicate labels",
            "(?P<bar>bar)buzz",
            "bar=foo",
            null,
            "barbuzz",
            "{bar=\"foo\", bar_extracted=\"bar\"}"),
        Arguments.of(
            "multiple labels extracted",
            "status=(?P<status>\\\\w+),latency=(?P<latency>\\\\w+)(ms|ns)",
            "app=foo",
            null,
            "status=200,latency=500ms",
            "{app=\"foo\", latency=\"500\", status=\"200\"}"),
        Arguments.of(
            "duplicate conflict with structured metadata",
            "status=(?P<status>\\\\w+),latency=(?P<latency>\\\\w+)(ms|ns)",
            "{}",
            "status=400",
            "status=200,latency=500ms",
            "{latency=\"500\", status=\"400\", status_extracted=\"200\"}"),
        Arguments.of(
            "unanchored leftmost match",
            "id=(?P<id>\\\\d+)",
            "{}",
            null,
            "x id=1 id=2",
            "{id=\"1\"}"),
        Arguments.of(
            "unmatched optional group adds nothing",
            "(?P<a>a)?(?P<b>b)",
            "{}",
            null,
            "b",
            "{b=\"b\"}"),
        Arguments.of("non-ascii line", "(?P<w>é+)", "{}", null, "caféé!", "{w=\"éé\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void extractsNamedGroups(
      String name, String regex, String stream, String metadata, String line, String expected) {
    PipelineFixture.Result r =
        PipelineFixture.run(
            "| regexp \"" + regex + "\"", Fixtures.labels(stream), Fixtures.labels(metadata), line);
    assertThat(r.keep()).isTrue();
    assertThat(r.labelsText()).isEqualTo(expected);
  }

  @Test
  void refusesRegexesWithoutNamedGroups() {
    assertThat(PipelineFixture.compileError("| regexp \"w.*\""))
        .isEqualTo(
            "parse error : stage '| regexp \"w.*\"' : at least one named capture must be supplied");
    assertThat(PipelineFixture.compileError("| regexp \"f(.*) (foo|bar|buzz)\""))
        .endsWith("at least one named capture must be supplied");
    assertThat(PipelineFixture.compileError("| regexp \"blah (.*) (?P<foo$>foo)(?P<bar>barr)\""))
        .contains("invalid named capture");
    assertThat(PipelineFixture.compileError("| regexp \"(?P<foo>foo)(?P<foo>barr)\""))
        .contains("foo");
  }

  @Test
  void namedAndUnnamedGroups() {
    assertThat(PipelineFixture.run("| regexp \"blah (.*) (?P<foo>)\"", "blah x ").labelsText())
        .isEqualTo("{foo=\"\"}");
  }
}
