package io.skald.logql.syntax;

import static io.skald.logql.syntax.LogqlAssertions.assertParseError;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Error texts and positions; Loki's own texts where we can reproduce them. */
class ParseErrorTest {

  @Test
  void syntaxErrorsCarryLineAndColumn() {
    assertParseError(
        "{foo=\"bar\"",
        "parse error at line 1, col 11: syntax error: unexpected $end, expecting } or ,");
    assertParseError(
        "{foo=\"bar\"} \"foo\"", "parse error at line 1, col 13: syntax error: unexpected STRING");
    assertParseError(
        "{foo=\"bar\"} foo", "parse error at line 1, col 13: syntax error: unexpected IDENTIFIER");
    assertParseError(
        "{foo=\"bar\"} |~",
        "parse error at line 1, col 15: syntax error: unexpected $end, expecting STRING or ip");
    assertParseError("{foo=\"bar}", "parse error at line 1, col 6: literal not terminated");
    assertParseError(
        "vector(abc)",
        "parse error at line 1, col 8: syntax error: unexpected IDENTIFIER, expecting NUMBER");
    assertParseError("bool 1 > 1", "parse error at line 1, col 1: syntax error: unexpected bool");
    assertParseError(
        "#{app=\"foo\"} | json", "parse error at line 1, col 20: syntax error: unexpected $end");
  }

  @Test
  void multiLineQueriesReportTheLine() {
    assertThatThrownBy(() -> LogQL.parse("{app=\"x\"}\n  |= \"a\"\n  | foo == bar"))
        .hasMessageStartingWith(
            "parse error at line 3, col 12: syntax error: unexpected IDENTIFIER");
  }

  @Test
  void rangeErrors() {
    // Loki's lexer reports these at the '[' with line 0 (Scanner.Next invalidates the line).
    assertParseError(
        "rate({a=\"b\"}[5minutes])",
        "parse error at line 0, col 13: unknown unit \"minutes\" in duration \"5minutes\"");
    assertParseError(
        "rate({a=\"b\"}[5m)", "parse error at line 0, col 13: missing closing ']' in duration");
  }

  // ---- cases from Loki's parser_test.go (golden suite), texts verbatim ----------------

  @Test
  void badDurationUnitIsALexerError() {
    assertParseError(
        "rate({ foo = \"bar\" }[5minutes])",
        "parse error at line 0, col 21: unknown unit \"minutes\" in duration \"5minutes\"");
    // The lexer error comes first even when the rest of the query is broken too.
    assertParseError(
        "rate({ foo = \"bar\" }[5minutes]) by (",
        "parse error at line 0, col 21: unknown unit \"minutes\" in duration \"5minutes\"");
    assertParseError(
        "{app=\"x\"}\n  | json\n  | line_format \"{{.a}}\" [5xx]",
        "parse error at line 0, col 26: unknown unit \"xx\" in duration \"5xx\"");
  }

  @Test
  void missingClosingBracket() {
    assertParseError(
        "rate({ foo = \"bar\" }[5)",
        "parse error at line 0, col 21: missing closing ']' in duration");
  }

  @Test
  void vectorAggregationOverRange() {
    assertParseError(
        "min({ foo = \"bar\" }[5m])",
        "parse error at line 0, col 20: syntax error: unexpected RANGE");
  }

  @Test
  void vectorAggregationOverLogQuery() {
    assertParseError(
        "stddev({ foo = \"bar\" })", "parse error at line 1, col 23: syntax error: unexpected )");
    assertParseError(
        "sum({a=\"b\"} | json)", "parse error at line 1, col 19: syntax error: unexpected )");
    assertParseError(
        "sum(({a=\"b\"}))", "parse error at line 1, col 14: syntax error: unexpected )");
    assertParseError(
        "label_replace({a=\"b\"}, \"a\", \"b\", \"c\", \"d\")",
        "parse error at line 1, col 22: syntax error: unexpected ,");
  }

  @Test
  void labelReplaceMissingArgument() {
    assertParseError(
        "label_replace(rate({ foo = \"bar\" }[5m]),\"\")",
        "parse error at line 1, col 43: syntax error: unexpected ), expecting ,");
  }

  @Test
  void logQueryAsBinaryOperand() {
    assertParseError(
        "{foo=\"bar\"} + {foo=\"bar\"}",
        "parse error : unexpected type for left leg of binary operation (+): *syntax.MatchersExpr");
    assertParseError(
        "sum(count_over_time({foo=\"bar\"}[5m])) by (foo) - {foo=\"bar\"}",
        "parse error : unexpected type for right leg of binary operation (-): *syntax.MatchersExpr");
    assertParseError(
        "{foo=\"bar\"} / sum(count_over_time({foo=\"bar\"}[5m])) by (foo)",
        "parse error : unexpected type for left leg of binary operation (/): *syntax.MatchersExpr");
    assertParseError(
        "count_over_time({ foo = \"bar\" }[12m]) > { foo = \"bar\" }",
        "parse error : unexpected type for right leg of binary operation (>): *syntax.MatchersExpr");
    assertParseError(
        "{foo=\"bar\"} |= \"x\" or 1",
        "parse error : unexpected type for left leg of binary operation (or): *syntax.PipelineExpr");
    assertParseError(
        "1 * ({foo=\"bar\"} | json)",
        "parse error : unexpected type for right leg of binary operation (*): *syntax.PipelineExpr");
    assertParseError(
        "sum({a=\"b\"} + 1)",
        "parse error : unexpected type for left leg of binary operation (+): *syntax.MatchersExpr");
  }

  @Test
  void failedPredictionListsNoAlternatives() {
    assertParseError(
        "{ foo = \"bar\" }|logfmt|addr>=ip(\"1.2.3.4\")",
        "parse error at line 1, col 30: syntax error: unexpected ip");
    assertParseError(
        "{ foo = \"bar\" }|logfmt|addr<ip(\"1.2.3.4\")",
        "parse error at line 1, col 29: syntax error: unexpected ip");
  }

  @Test
  void parenthesisedLogQueryStillParses() {
    org.assertj.core.api.Assertions.assertThat(
            LogqlAssertions.parse("({a=\"b\"} | json)").toString())
        .isEqualTo(LogqlAssertions.parse("{a=\"b\"} | json").toString());
  }

  @Test
  void semanticErrorsHaveNoPosition() {
    assertParseError(
        "sum_over_time({a=\"b\"}[5m])",
        "parse error : invalid aggregation sum_over_time without unwrap");
    assertParseError(
        "count_over_time({a=\"b\"} | unwrap x [5m])",
        "parse error : invalid aggregation count_over_time with unwrap");
    assertParseError(
        "absent_over_time({a=\"b\"}[5m]) by (a)",
        "parse error : grouping not allowed for absent_over_time aggregation");
    assertParseError(
        "sum_over_time(50, {a=\"b\"} | unwrap x [5m])",
        "parse error : parameter 50 not supported for operation sum_over_time");
    assertParseError(
        "quantile_over_time({a=\"b\"} | unwrap x [5m])",
        "parse error : parameter required for operation quantile_over_time");
    assertParseError(
        "topk(count_over_time({a=\"b\"}[5m]))",
        "parse error : parameter required for operation topk");
    assertParseError(
        "bottomk(1.2, count_over_time({a=\"b\"}[5m]))",
        "parse error : invalid parameter bottomk(1.2,");
    assertParseError(
        "sum(3, count_over_time({a=\"b\"}[5m]))",
        "parse error : unsupported parameter for operation sum(3,");
    assertParseError(
        "approx_topk by (a) (2, count_over_time({a=\"b\"}[5m]))",
        "parse error : grouping not allowed for approx_topk aggregation");
    assertParseError(
        "sort by (a) (count_over_time({a=\"b\"}[5m]))",
        "parse error : sort and sort_desc doesn't allow grouping by ");
    assertParseError(
        "count_over_time({a=\"b\"}[5m]) or 1",
        "parse error : unexpected literal for right leg of logical/set binary operation (or): 1.000000");
    assertParseError(
        "1 unless count_over_time({a=\"b\"}[5m])",
        "parse error : unexpected literal for left leg of logical/set binary operation (unless): 1.000000");
    assertParseError(
        "label_replace(rate({a=\"b\"}[5m]), \"d\", \"r\", \"s\", \"\\\\q\")",
        "parse error : invalid regex in label_replace: error parsing regexp: invalid escape sequence: `\\q`");
    assertParseError("{a=~\"(\"}", "parse error : error parsing regexp: missing closing ): `(`");
  }

  @Test
  void badEscapesAndTokens() {
    assertParseError("{a=\"\\q\"}", "parse error at line 1, col 4: invalid char escape");
    assertParseError("{a=\"b\"} ; ", "parse error at line 1, col 9: syntax error: unexpected ;");
    assertParseError(
        "unk({foo=\"bar\"}[5m])",
        "parse error at line 1, col 1: syntax error: unexpected IDENTIFIER");
  }
}
