package io.skald.logql.syntax;

import static io.skald.logql.syntax.LogqlAssertions.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skald.labels.MatchType;
import io.skald.labels.Matcher;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AST shapes for the constructs whose structure is not obvious from the text. */
class ParserTest {
  private static final LogSelectorExpr FOO =
      new LogSelectorExpr(
          new StreamSelector(List.of(new Matcher("app", MatchType.EQ, "foo"))), List.of());

  private static LabelFilter labelFilter(String filters) {
    LogSelectorExpr e = (LogSelectorExpr) parse("{app=\"foo\"} | " + filters);
    return ((LabelFilterExpr) e.pipeline().get(0)).filter();
  }

  private static StringLabelFilter eq(String name, String value) {
    return new StringLabelFilter(new Matcher(name, MatchType.EQ, value));
  }

  @Test
  void parsesLogSelectorWithPipeline() {
    assertThat(parse("{app=\"foo\"} |= \"a\" or \"b\" | json x=\"y\""))
        .isEqualTo(
            new LogSelectorExpr(
                FOO.selector(),
                List.of(
                    new LineFilterExpr(
                        LineFilterOp.CONTAINS,
                        List.of(
                            LineFilterExpr.Operand.text("a"), LineFilterExpr.Operand.text("b"))),
                    new JsonParserExpr(List.of(new LabelExtraction("x", "y"))))));
  }

  @Test
  void andBindsTighterThanOr() {
    assertThat(labelFilter("a=\"1\" and b=\"2\" or c=\"3\""))
        .isEqualTo(new OrLabelFilter(new AndLabelFilter(eq("a", "1"), eq("b", "2")), eq("c", "3")));
    assertThat(labelFilter("a=\"1\" or b=\"2\" and c=\"3\""))
        .isEqualTo(new OrLabelFilter(eq("a", "1"), new AndLabelFilter(eq("b", "2"), eq("c", "3"))));
  }

  @Test
  void commaAndJuxtapositionGroupToTheRightWithOrLikeLoki() {
    assertThat(labelFilter("a=\"1\", b=\"2\" or c=\"3\""))
        .isEqualTo(new AndLabelFilter(eq("a", "1"), new OrLabelFilter(eq("b", "2"), eq("c", "3"))));
    assertThat(labelFilter("a=\"1\" b=\"2\" or c=\"3\""))
        .isEqualTo(new AndLabelFilter(eq("a", "1"), new OrLabelFilter(eq("b", "2"), eq("c", "3"))));
    assertThat(labelFilter("a=\"1\" or b=\"2\", c=\"3\""))
        .isEqualTo(new OrLabelFilter(eq("a", "1"), new AndLabelFilter(eq("b", "2"), eq("c", "3"))));
    assertThat(labelFilter("(a=\"1\" or b=\"2\"), c=\"3\""))
        .isEqualTo(new AndLabelFilter(new OrLabelFilter(eq("a", "1"), eq("b", "2")), eq("c", "3")));
  }

  @Test
  void typedLabelFilters() {
    assertThat(labelFilter("x>=5")).isEqualTo(new NumericLabelFilter("x", CompareOp.GTE, 5));
    assertThat(labelFilter("x=5")).isEqualTo(new NumericLabelFilter("x", CompareOp.EQ, 5));
    assertThat(labelFilter("x<-2.5")).isEqualTo(new NumericLabelFilter("x", CompareOp.LT, -2.5));
    assertThat(labelFilter("x>1.5s"))
        .isEqualTo(new DurationLabelFilter("x", CompareOp.GT, Duration.ofMillis(1500)));
    assertThat(labelFilter("x>1h30m"))
        .isEqualTo(new DurationLabelFilter("x", CompareOp.GT, Duration.ofMinutes(90)));
    assertThat(labelFilter("x>250us"))
        .isEqualTo(new DurationLabelFilter("x", CompareOp.GT, Duration.ofNanos(250_000)));
    assertThat(labelFilter("x!=1.5KiB")).isEqualTo(new BytesLabelFilter("x", CompareOp.NEQ, 1536));
    assertThat(labelFilter("x<42MB"))
        .isEqualTo(new BytesLabelFilter("x", CompareOp.LT, 42_000_000));
    assertThat(labelFilter("x==1kB")).isEqualTo(new BytesLabelFilter("x", CompareOp.EQ, 1000));
    assertThat(labelFilter("x=\"5\"")).isEqualTo(eq("x", "5"));
    assertThat(labelFilter("x!=ip(\"1.2.3.4\")"))
        .isEqualTo(new IpLabelFilter("x", true, "1.2.3.4"));
  }

  @Test
  void rangeMayFollowTheSelectorOrEndThePipeline() {
    Expr atEnd = parse("count_over_time({app=\"foo\"} |= \"x\" [5m] offset 1m)");
    assertThat(parse("count_over_time({app=\"foo\"}[5m] offset 1m |= \"x\")")).isEqualTo(atEnd);
    assertThat(parse("count_over_time(({app=\"foo\"} |= \"x\")[5m] offset 1m)")).isEqualTo(atEnd);
    RangeAggregationExpr r = (RangeAggregationExpr) atEnd;
    assertThat(r.range().range()).isEqualTo(Duration.ofMinutes(5));
    assertThat(r.range().offset()).isEqualTo(Duration.ofMinutes(1));
    assertThat(r.range().unwrap()).isNull();
  }

  @Test
  void unwrapTakesConversionsAndPostFilters() {
    RangeAggregationExpr r =
        (RangeAggregationExpr)
            parse(
                "sum_over_time({app=\"foo\"} | logfmt | unwrap duration_seconds(latency) | latency > 1 [5m])");
    assertThat(r.range().unwrap())
        .isEqualTo(
            new UnwrapExpr(
                "latency",
                UnwrapExpr.Conversion.DURATION_SECONDS,
                List.of(new NumericLabelFilter("latency", CompareOp.GT, 1))));
    assertThat(r.range().left().pipeline())
        .containsExactly(new LogfmtParserExpr(false, false, List.of()));
    // "duration" without parentheses is the label name.
    RangeAggregationExpr d =
        (RangeAggregationExpr) parse("sum_over_time({app=\"foo\"} | unwrap duration [5m])");
    assertThat(d.range().unwrap().label()).isEqualTo("duration");
    assertThat(d.range().unwrap().conversion()).isEqualTo(UnwrapExpr.Conversion.NONE);
  }

  @Test
  void groupingBeforeOrAfterIsTheSame() {
    assertThat(parse("sum(rate({app=\"foo\"}[5m])) by (a)"))
        .isEqualTo(parse("sum by (a) (rate({app=\"foo\"}[5m]))"));
    assertThat(parse("topk(2, rate({app=\"foo\"}[5m])) without (a)"))
        .isEqualTo(parse("topk without (a) (2, rate({app=\"foo\"}[5m]))"));
    assertThatThrownBy(() -> LogQL.parse("sum by (a) (rate({app=\"foo\"}[5m])) by (b)"))
        .hasMessageStartingWith("parse error at line 1, col 36: syntax error: unexpected by");
  }

  @Test
  void binaryOperatorPrecedence() {
    SampleExpr a = (SampleExpr) parse("rate({app=\"a\"}[1m])");
    SampleExpr b = (SampleExpr) parse("rate({app=\"b\"}[1m])");
    SampleExpr c = (SampleExpr) parse("rate({app=\"c\"}[1m])");
    String qa = "rate({app=\"a\"}[1m])";
    String qb = "rate({app=\"b\"}[1m])";
    String qc = "rate({app=\"c\"}[1m])";
    assertThat(parse(qa + " + " + qb + " * " + qc))
        .isEqualTo(bin(BinOp.ADD, a, bin(BinOp.MUL, b, c)));
    assertThat(parse(qa + " - " + qb + " - " + qc))
        .isEqualTo(bin(BinOp.SUB, bin(BinOp.SUB, a, b), c));
    assertThat(parse(qa + " ^ " + qb + " ^ " + qc))
        .isEqualTo(bin(BinOp.POW, a, bin(BinOp.POW, b, c)));
    assertThat(parse(qa + " or " + qb + " and " + qc))
        .isEqualTo(bin(BinOp.OR, a, bin(BinOp.AND, b, c)));
    assertThat(parse(qa + " and " + qb + " unless " + qc))
        .isEqualTo(bin(BinOp.UNLESS, bin(BinOp.AND, a, b), c));
    assertThat(parse(qa + " > " + qb + " + " + qc))
        .isEqualTo(bin(BinOp.GT, a, bin(BinOp.ADD, b, c)));
    assertThat(parse(qa + " == " + qb + " and " + qc))
        .isEqualTo(bin(BinOp.AND, bin(BinOp.CMP_EQ, a, b), c));
    assertThat(parse("(" + qa + " + " + qb + ") * " + qc))
        .isEqualTo(bin(BinOp.MUL, bin(BinOp.ADD, a, b), c));
  }

  private static BinOpExpr bin(BinOp op, SampleExpr l, SampleExpr r) {
    return new BinOpExpr(op, l, r, false, null);
  }

  @Test
  void vectorMatchingModifiers() {
    BinOpExpr e =
        (BinOpExpr)
            parse(
                "sum by (a) (rate({app=\"a\"}[1m])) > bool on (a) group_left (b, c) sum by (a) (rate({app=\"b\"}[1m]))");
    assertThat(e.returnBool()).isTrue();
    assertThat(e.matching())
        .isEqualTo(
            new VectorMatching(
                true, List.of("a"), VectorMatching.Cardinality.MANY_TO_ONE, List.of("b", "c")));
    BinOpExpr i =
        (BinOpExpr) parse("rate({app=\"a\"}[1m]) / ignoring (x) group_right rate({app=\"b\"}[1m])");
    assertThat(i.matching())
        .isEqualTo(
            new VectorMatching(
                false, List.of("x"), VectorMatching.Cardinality.ONE_TO_MANY, List.of()));
  }

  @Test
  void literalsAreFoldedLikeLoki() {
    assertThat(parse("1 + 2 * 3")).isEqualTo(new LiteralExpr(7));
    assertThat(parse("2 ^ 3 ^ 2")).isEqualTo(new LiteralExpr(512));
    assertThat(parse("-1")).isEqualTo(new LiteralExpr(-1));
    assertThat(parse("1 > 2")).isEqualTo(new LiteralExpr(0));
    assertThat(parse("7 % 4")).isEqualTo(new LiteralExpr(3));
    assertThat(parse("vector(2)")).isEqualTo(new VectorExpr(2));
  }

  @Test
  void keywordsAreCaseInsensitiveAndFunctionNamesAreLabels() {
    assertThat(parse("SUM BY (a) (RATE({app=\"foo\"}[5m]))").toString())
        .isEqualTo("sum by (a) (rate({app=\"foo\"}[5m]))");
    assertThat(parse("{rate=\"1\"} | json count_over_time | sum > 1")).isNotNull();
    assertThat(parse("sum by (count) (count_over_time({app=\"foo\"}[5m]))").toString())
        .isEqualTo("sum by (count) (count_over_time({app=\"foo\"}[5m]))");
  }

  @Test
  void durationUnitsAreCaseSensitive() {
    assertThatThrownBy(() -> LogQL.parse("rate({app=\"foo\"}[5M])"))
        .hasMessage("parse error at line 0, col 17: unknown unit \"M\" in duration \"5M\"");
  }

  @Test
  void commentsRunToTheEndOfTheLine() {
    assertThat(parse("{app=\"foo\"} # |= \"x\"\n |= \"y\" # z"))
        .isEqualTo(parse("{app=\"foo\"} |= \"y\""));
    assertThat(parse("{app=\"foo\"} |= \"#not a comment\"").toString())
        .isEqualTo("{app=\"foo\"} |= \"#not a comment\"");
  }

  @Test
  void rawStringsKeepBackslashes() {
    LogSelectorExpr e = (LogSelectorExpr) parse("{app=\"foo\"} |~ `\\d+\\.\\d+`");
    assertThat(((LineFilterExpr) e.pipeline().get(0)).operands().get(0).value())
        .isEqualTo("\\d+\\.\\d+");
    assertThat(e.toString()).isEqualTo("{app=\"foo\"} |~ \"\\\\d+\\\\.\\\\d+\"");
  }

  @Test
  void labelFormatRenamesAndTemplates() {
    LogSelectorExpr e = (LogSelectorExpr) parse("{app=\"foo\"} | label_format a=b, c=\"{{.d}}\"");
    assertThat(e.pipeline())
        .containsExactly(
            new LabelFormatExpr(
                List.of(LabelFormat.rename("a", "b"), LabelFormat.template("c", "{{.d}}"))));
  }

  @Test
  void dropAndKeepTakeNamesAndMatchers() {
    LogSelectorExpr e = (LogSelectorExpr) parse("{app=\"foo\"} | drop a, b=~\"x.*\" | keep c");
    assertThat(e.pipeline())
        .containsExactly(
            new DropLabelsExpr(
                List.of(
                    NamedMatcher.ofName("a"),
                    NamedMatcher.of(new Matcher("b", MatchType.RE, "x.*")))),
            new KeepLabelsExpr(List.of(NamedMatcher.ofName("c"))));
  }

  @Test
  void parseLogSelectorRejectsMetricQueries() {
    assertThatThrownBy(() -> LogQL.parseLogSelector("rate({app=\"foo\"}[5m])"))
        .hasMessage("parse error : only log selector is supported");
  }

  @Test
  void validationAppliesInsideMetricQueries() {
    assertThatThrownBy(() -> LogQL.parse("sum(rate({app=~\".*\"}[5m]))"))
        .hasMessageStartingWith(
            "parse error : queries require at least one regexp or equality matcher");
    assertThat(LogQL.class).isNotNull();
  }

  @Test
  void rejectsInvalidForms() {
    for (String q :
        new String[] {
          "{app=\"foo\"} | unwrap x",
          "rate({app=\"foo\"})",
          "sum({app=\"foo\"})",
          "{app=\"foo\"} + 1",
          "rate({app=\"foo\"}[5m]",
          "{app=\"foo\"} | logfmt --bogus",
          "{app=\"foo\"} | json a=",
          "{app=\"foo\"} |= ip(1.2.3.4)",
          "{app=\"foo\"} | x > 5foo",
          "{app=\"foo\"} | x > -5KiB",
          "count_over_time({app=\"foo\"}[1.5m])",
          "count_over_time({app=\"foo\"}[5m] offset 5)",
          "topk(0, rate({app=\"foo\"}[5m]))",
          "vector(-1)",
          "{app=\"foo\"} |= \"a\" or",
          "{app=\"foo\",}",
          "",
        }) {
      assertThatThrownBy(() -> LogQL.parse(q))
          .as(q)
          .isInstanceOf(ParseException.class)
          .hasMessageStartingWith("parse error");
    }
  }

  @Test
  void rejectsOverlongInput() {
    String q = "{app=\"" + "x".repeat(LogQL.MAX_INPUT_SIZE) + "\"}";
    assertThatThrownBy(() -> LogQL.parse(q))
        .hasMessageStartingWith("parse error : input size too long (");
  }
}
