package io.skald.logql.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skald.labels.Label;
import io.skald.labels.LabelSet;
import io.skald.logql.syntax.Grouping;
import io.skald.logql.syntax.LogqlAssertions;
import io.skald.logql.syntax.ParseException;
import io.skald.logql.syntax.RangeAggregationExpr;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases follow Loki's Test_labelSampleExtractor_Extract and TestLabelExtractorWithStages. */
class SampleExtractorTest {

  static ExtractedSample extract(String query, String stream, String metadata, String line) {
    LogqlAssertions.assertRoundTrip(query);
    try {
      RangeAggregationExpr expr = (RangeAggregationExpr) LogqlAssertions.parse(query);
      StreamSampleExtractor ex = SampleExtractor.compile(expr).forStream(Fixtures.labels(stream));
      List<Label> sm = Fixtures.labels(metadata).asList();
      byte[] b = line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      return ex.process(0, b, 0, b.length, sm);
    } catch (ParseException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /** query, stream, metadata, line, expected value, expected labels (null: no sample). */
  static Stream<Arguments> cases() {
    String errFloat =
        "{__error__=\"SampleExtractionErr\", "
            + "__error_details__=\"strconv.ParseFloat: parsing \\\"not_a_number\\\": invalid syntax\", "
            + "bar=\"foo\", foo=\"not_a_number\"}";
    return Stream.of(
        Arguments.of(
            "sum_over_time({app=\"x\"} | unwrap foo [1m])", "foo=15.0", null, "", 15.0, "{}"),
        Arguments.of(
            "max_over_time({app=\"x\"} | unwrap foo [1m]) by ()",
            "foo=15.0,bar=buzz",
            null,
            "",
            15.0,
            "{}"),
        Arguments.of(
            "max_over_time({app=\"x\"} | unwrap foo [1m]) without (bar,buzz)",
            "foo=10,bar=foo,buzz=blip,namespace=dev",
            null,
            "",
            10.0,
            "{namespace=\"dev\"}"),
        Arguments.of(
            "max_over_time({app=\"x\"} | unwrap foo [1m]) by (bar,buzz)",
            "foo=0.6,bar=foo,buzz=blip,namespace=dev",
            null,
            "",
            0.6,
            "{bar=\"foo\", buzz=\"blip\"}"),
        Arguments.of(
            "sum_over_time({app=\"x\"} | unwrap foo [1m])", "{}", "foo=15.0", "", 15.0, "{}"),
        Arguments.of(
            "max_over_time({app=\"x\"} | unwrap foo [1m]) by (bar,buzz)",
            "bar=buzz,namespace=dev",
            "foo=15.0,buzz=blip",
            "",
            15.0,
            "{bar=\"buzz\", buzz=\"blip\"}"),
        Arguments.of(
            "max_over_time({app=\"x\"} | unwrap foo [1m]) without (bar,buzz)",
            "bar=buzz,namespace=dev",
            "foo=15.0,buzz=blip",
            "",
            15.0,
            "{namespace=\"dev\"}"),
        Arguments.of(
            "max_over_time({app=\"x\"} | unwrap duration(foo) [1m]) by (bar,buzz)",
            "foo=500ms,bar=foo,buzz=blip,namespace=dev",
            null,
            "",
            0.5,
            "{bar=\"foo\", buzz=\"blip\"}"),
        Arguments.of(
            "max_over_time({app=\"x\"} | unwrap duration_seconds(foo) [1m]) by (bar,buzz)",
            "bar=foo,namespace=dev",
            "foo=500ms,buzz=blip",
            "",
            0.5,
            "{bar=\"foo\", buzz=\"blip\"}"),
        Arguments.of(
            "max_over_time({app=\"x\"} | unwrap bytes(foo) [1m]) by (bar,buzz)",
            "foo=13 MiB,bar=foo,buzz=blip,namespace=dev",
            null,
            "",
            13.0 * 1024 * 1024,
            "{bar=\"foo\", buzz=\"blip\"}"),
        Arguments.of(
            "max_over_time({app=\"x\"} | unwrap bytes(foo) [1m]) by (bar,buzz)",
            "foo=13MiB,bar=foo",
            null,
            "",
            13.0 * 1024 * 1024,
            "{bar=\"foo\"}"),
        Arguments.of(
            "max_over_time({app=\"x\"} | unwrap foo [1m]) by (bar,buzz)",
            "foo=not_a_number,bar=foo",
            null,
            "",
            0.0,
            errFloat),
        Arguments.of(
            "max_over_time({app=\"x\"} | unwrap foo [1m]) by (bar,buzz)",
            "bar=foo",
            "foo=not_a_number",
            "",
            0.0,
            errFloat),
        Arguments.of(
            "max_over_time({app=\"x\"} | logfmt | unwrap duration(foo) [1m]) by (bar,buzz)",
            "bar=foo",
            null,
            "foo=123.4ms",
            0.1234,
            "{bar=\"foo\"}"),
        Arguments.of(
            "max_over_time({app=\"x\"} | logfmt | unwrap duration(foo) [1m]) by (bar,buzz)",
            "bar=foo",
            null,
            "foo=not_a_number",
            0.0,
            "{__error__=\"SampleExtractionErr\", "
                + "__error_details__=\"time: invalid duration \\\"not_a_number\\\"\", bar=\"foo\", "
                + "foo=\"not_a_number\"}"),
        Arguments.of(
            "max_over_time({app=\"x\"} | json | unwrap duration(duration) [1m]) by (foo)",
            "bar=foo",
            null,
            "{\"duration\":\"20ms\",\"foo\":\"json\"}",
            0.02,
            "{foo=\"json\"}"),
        // post-unwrap filters see the conversion error and can drop it
        Arguments.of(
            "sum_over_time({app=\"x\"} | logfmt | unwrap v | __error__=\"\" [1m])",
            "bar=foo",
            null,
            "v=abc",
            null,
            null),
        Arguments.of(
            "sum_over_time({app=\"x\"} | logfmt | unwrap v | v > 3 [1m])",
            "bar=foo",
            null,
            "v=2",
            null,
            null),
        Arguments.of(
            "sum_over_time({app=\"x\"} | logfmt | unwrap v | v > 3 [1m])",
            "bar=foo",
            null,
            "v=5",
            5.0,
            "{bar=\"foo\"}"),
        // missing or empty unwrapped label: no sample
        Arguments.of(
            "sum_over_time({app=\"x\"} | logfmt | unwrap subqueries [1m])",
            "bar=foo",
            null,
            "msg=hello ",
            null,
            null),
        Arguments.of(
            "sum_over_time({app=\"x\"} | logfmt | subqueries != \"0\" | unwrap subqueries [1m])",
            "bar=foo",
            null,
            "msg=hello subqueries=0",
            null,
            null),
        Arguments.of(
            "sum_over_time({app=\"x\"} | logfmt | subqueries != 0 | unwrap subqueries [1m])",
            "bar=foo",
            null,
            "msg=hello subqueries=5",
            5.0,
            "{bar=\"foo\", msg=\"hello\"}"),
        // line extraction
        Arguments.of(
            "count_over_time({app=\"x\"} |= \"err\" [1m])",
            "app=x",
            "trace=t",
            "an err",
            1.0,
            "{app=\"x\", trace=\"t\"}"),
        Arguments.of(
            "count_over_time({app=\"x\"} |= \"err\" [1m])", "app=x", null, "fine", null, null),
        Arguments.of(
            "rate({app=\"x\"} | logfmt [1m])",
            "app=x",
            null,
            "level=info",
            1.0,
            "{app=\"x\", level=\"info\"}"),
        Arguments.of(
            "bytes_over_time({app=\"x\"} [1m])", "app=x", null, "héllo", 6.0, "{app=\"x\"}"),
        Arguments.of(
            "bytes_rate({app=\"x\"} | line_format \"{{.app}}\" [1m])",
            "app=x",
            null,
            "long line",
            1.0,
            "{app=\"x\"}"),
        Arguments.of("absent_over_time({app=\"x\"} [1m])", "app=x", null, "a", 1.0, "{}"),
        Arguments.of(
            "count_over_time({app=\"x\"} | json [1m])",
            "app=x",
            null,
            "not json",
            1.0,
            "{__error__=\"JSONParserErr\", "
                + "__error_details__=\"Value looks like object, but can't find closing '}' symbol\", "
                + "app=\"x\"}"));
  }

  @ParameterizedTest(name = "{0} on {3}")
  @MethodSource("cases")
  void extracts(
      String query, String stream, String metadata, String line, Double value, String labels) {
    ExtractedSample s = extract(query, stream, metadata, line);
    if (value == null) {
      assertThat(s.keep()).as("no sample").isFalse();
      return;
    }
    assertThat(s.keep()).isTrue();
    assertThat(s.value()).isEqualTo(value);
    assertThat(s.labels()).hasToString(labels);
    assertThat(s.error())
        .isEqualTo(labels.contains("__error__=") ? s.labels().get("__error__") : null);
  }

  @Test
  void groupingOverrideReplacesTheExpressionsGrouping() throws ParseException {
    RangeAggregationExpr expr =
        (RangeAggregationExpr)
            LogqlAssertions.parse("max_over_time({app=\"x\"} | logfmt | unwrap v [1m]) by (a)");
    StreamSampleExtractor ex =
        SampleExtractor.compile(expr, new Grouping(false, List.of("b")))
            .forStream(LabelSet.of("app", "x"));
    ExtractedSample s = ex.process(0, "v=1 a=1 b=2");
    assertThat(s.labels()).hasToString("{b=\"2\"}");
  }

  @Test
  void consecutiveEntriesShareTheirLabelSet() throws ParseException {
    RangeAggregationExpr expr =
        (RangeAggregationExpr)
            LogqlAssertions.parse(
                "sum by (level) (count_over_time({app=\"x\"} | logfmt [1m]))"
                    .replace("sum by (level) (", "")
                    .replaceFirst("\\)$", ""));
    StreamSampleExtractor ex = SampleExtractor.compile(expr).forStream(LabelSet.of("app", "x"));
    LabelSet first = ex.process(0, "level=info").labels();
    assertThat(ex.process(0, "level=info").labels()).isSameAs(first);
  }

  @Test
  void invalidPostFilterIsAParseError() {
    RangeAggregationExpr expr =
        (RangeAggregationExpr)
            LogqlAssertions.parse(
                "sum_over_time({app=\"x\"} | unwrap v | addr = ip(\"nope\") [1m])");
    assertThatThrownBy(() -> SampleExtractor.compile(expr))
        .isInstanceOf(ParseException.class)
        .hasMessageStartingWith("parse error : stage '| unwrap v | addr=ip(\"nope\")' : ");
  }
}
