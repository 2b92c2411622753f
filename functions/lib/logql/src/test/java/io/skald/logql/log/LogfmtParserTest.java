package io.skald.logql.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases follow Loki's TestLogfmtParser_parse and TestLogfmtParser_keepEmpty. */
class LogfmtParserTest {

  /**
   * name, stream labels, metadata, line, expected (lenient), expected with --strict (null: same).
   */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "not logfmt",
            "foo=bar",
            null,
            "foobar====wqe=sdad1r",
            "{foo=\"bar\"}",
            "{__error__=\"LogfmtParserErr\", "
                + "__error_details__=\"logfmt syntax error at pos 8 : unexpected '='\", foo=\"bar\"}"),
        Arguments.of(
            "utf8 error rune",
            "{}",
            null,
            "buzz=foo bar=\uFFFDf",
            "{bar=\" f\", buzz=\"foo\"}",
            null),
        Arguments.of(
            "key alone logfmt",
            "foo=bar",
            null,
            "buzz bar=foo",
            "{bar=\"foo\", foo=\"bar\"}",
            null),
        Arguments.of(
            "quoted logfmt",
            "foo=bar",
            null,
            "foobar=\"foo bar\"",
            "{foo=\"bar\", foobar=\"foo bar\"}",
            null),
        Arguments.of(
            "escaped control chars",
            "a=b",
            null,
            "foobar=\"foo\\nbar\\tbaz\"",
            "{a=\"b\", foobar=\"foo\\nbar\\tbaz\"}",
            null),
        Arguments.of(
            "literal control chars",
            "a=b",
            null,
            "foobar=\"foo\nbar\tbaz\"",
            "{a=\"b\", foobar=\"foo\\nbar\\tbaz\"}",
            null),
        Arguments.of(
            "escaped slash",
            "a=b",
            null,
            "foobar=\"foo ba\\\\r baz\"",
            "{a=\"b\", foobar=\"foo ba\\\\r baz\"}",
            null),
        Arguments.of(
            "literal newline and escaped slash",
            "a=b",
            null,
            "foobar=\"foo bar\nb\\\\az\"",
            "{a=\"b\", foobar=\"foo bar\\nb\\\\az\"}",
            null),
        Arguments.of(
            "double property",
            "foo=bar",
            null,
            "foobar=\"foo bar\" latency=10ms",
            "{foo=\"bar\", foobar=\"foo bar\", latency=\"10ms\"}",
            null),
        Arguments.of(
            "duplicate from line property",
            "foo=bar",
            null,
            "foobar=\"foo bar\" foobar=10ms",
            "{foo=\"bar\", foobar=\"foo bar\"}",
            null),
        Arguments.of(
            "duplicate property",
            "foo=bar",
            null,
            "foo=\"foo bar\" foobar=10ms",
            "{foo=\"bar\", foo_extracted=\"foo bar\", foobar=\"10ms\"}",
            null),
        Arguments.of(
            "no duplicate property",
            "{}",
            null,
            "foo=\"foo bar\" foobar=10ms",
            "{foo=\"foo bar\", foobar=\"10ms\"}",
            null),
        Arguments.of(
            "invalid key names",
            "foo=bar",
            null,
            "foo=\"foo bar\" foo.bar=10ms test-dash=foo",
            "{foo=\"bar\", foo_bar=\"10ms\", foo_extracted=\"foo bar\", test_dash=\"foo\"}",
            null),
        Arguments.of("empty line", "foo=bar", null, "", "{foo=\"bar\"}", null),
        Arguments.of(
            "empty key",
            "foo=bar",
            null,
            "foo=\"foo bar\" =notkey bar=10ms",
            "{bar=\"10ms\", foo=\"bar\", foo_extracted=\"foo bar\"}",
            "{__error__=\"LogfmtParserErr\", "
                + "__error_details__=\"logfmt syntax error at pos 15 : unexpected '='\", foo=\"bar\", "
                + "foo_extracted=\"foo bar\"}"),
        Arguments.of(
            "error rune in key",
            "foo=bar",
            null,
            "foo=\"foo bar\" b\uFFFDr=10ms",
            "{foo=\"bar\", foo_extracted=\"foo bar\"}",
            "{__error__=\"LogfmtParserErr\", "
                + "__error_details__=\"logfmt syntax error at pos 20 : invalid key\", foo=\"bar\", "
                + "foo_extracted=\"foo bar\"}"),
        Arguments.of(
            "double quote in key",
            "foo=bar",
            null,
            "foo=\"foo bar\" bu\"zz=10ms",
            "{foo=\"bar\", foo_extracted=\"foo bar\"}",
            "{__error__=\"LogfmtParserErr\", "
                + "__error_details__=\"logfmt syntax error at pos 17 : unexpected '\\\"'\", foo=\"bar\", "
                + "foo_extracted=\"foo bar\"}"),
        Arguments.of(
            "= in value",
            "foo=bar",
            null,
            "bar=bu=zz foo=\"foo bar\"",
            "{foo=\"bar\", foo_extracted=\"foo bar\"}",
            "{__error__=\"LogfmtParserErr\", "
                + "__error_details__=\"logfmt syntax error at pos 7 : unexpected '='\", foo=\"bar\"}"),
        Arguments.of(
            "unterminated quote",
            "{}",
            null,
            "a=1 b=\"open",
            "{a=\"1\"}",
            "{__error__=\"LogfmtParserErr\", "
                + "__error_details__=\"logfmt syntax error at pos 12 : unterminated quoted value\", a=\"1\"}"),
        Arguments.of(
            "duplicate conflict with structured metadata",
            "{}",
            "app=foo_sm",
            "app=foo level=error",
            "{app=\"foo_sm\", app_extracted=\"foo\", level=\"error\"}",
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void lenient(
      String name, String stream, String metadata, String line, String expected, String strict) {
    PipelineFixture.Result r =
        PipelineFixture.run("| logfmt", Fixtures.labels(stream), Fixtures.labels(metadata), line);
    assertThat(r.keep()).isTrue();
    assertThat(r.labelsText()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void strict(
      String name, String stream, String metadata, String line, String expected, String strict) {
    PipelineFixture.Result r =
        PipelineFixture.run(
            "| logfmt --strict", Fixtures.labels(stream), Fixtures.labels(metadata), line);
    assertThat(r.keep()).isTrue();
    assertThat(r.labelsText()).isEqualTo(strict == null ? expected : strict);
  }

  static Stream<Arguments> keepEmptyCases() {
    return Stream.of(
        Arguments.of(
            "without keep empty", "| logfmt", "foo bar=buzz", "{bar=\"buzz\", foo=\"bar\"}"),
        Arguments.of(
            "with keep empty",
            "| logfmt --keep-empty",
            "foo bar=buzz",
            "{bar=\"buzz\", foo=\"bar\", foo_extracted=\"\"}"),
        Arguments.of(
            "with keep empty, empty value",
            "| logfmt --keep-empty",
            "a= b=1",
            "{a=\"\", b=\"1\", foo=\"bar\"}"),
        Arguments.of(
            "utf8 error rune without keep empty",
            "| logfmt",
            "foo=b\uFFFDr bar=buzz",
            "{bar=\"buzz\", foo=\"bar\", foo_extracted=\"b r\"}"),
        Arguments.of(
            "utf8 error rune with keep empty",
            "| logfmt --strict --keep-empty",
            "foo=b\uFFFDr bar=buzz",
            "{bar=\"buzz\", foo=\"bar\", foo_extracted=\"b r\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keepEmptyCases")
  void keepEmpty(String name, String pipeline, String line, String expected) {
    assertThat(PipelineFixture.run(pipeline, Fixtures.labels("foo=bar"), line).labelsText())
        .isEqualTo(expected);
  }
}
