package io.skald.logql.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skald.labels.MatchType;
import io.skald.labels.Matcher;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The selector-only entry point, as Loki's {@code syntax.ParseMatchers}. */
class SelectorOnlyTest {

  @Test
  void aBareSelectorGivesItsMatchers() throws ParseException {
    assertThat(LogQL.parseMatchers("{app=\"api\", env=~\"prod|dev\"}", true))
        .containsExactly(
            new Matcher("app", MatchType.EQ, "api"), new Matcher("env", MatchType.RE, "prod|dev"));
  }

  @Test
  void anythingMoreIsLokisErrParseMatchersWithoutPrefix() {
    for (String query :
        List.of(
            "{a=\"b\"} |= \"x\"",
            "{a=\"b\"} | json",
            "{a=\"b\"} | level=\"error\"",
            "sum(rate({a=\"b\"}[1m]))",
            "count_over_time({a=\"b\"}[5m])",
            "1 + 1")) {
      for (boolean validate : new boolean[] {true, false}) {
        assertThatThrownBy(() -> LogQL.parseMatchers(query, validate))
            .as(query)
            .isInstanceOf(ParseException.class)
            .hasMessage("only label matchers are supported");
      }
    }
  }

  @Test
  void validationIsOptionalAsForSeries() throws ParseException {
    assertThat(LogQL.parseMatchers("{a=~\".*\"}", false)).hasSize(1);
    assertThat(LogQL.parseMatchers("{}", false)).isEmpty();
    assertThatThrownBy(() -> LogQL.parseMatchers("{a=~\".*\"}", true))
        .hasMessage("parse error : " + StreamSelector.EMPTY_COMPATIBLE_ERROR);
  }

  @Test
  void syntaxErrorsKeepTheirPosition() {
    assertThatThrownBy(() -> LogQL.parseMatchers("{a=\"b\"", false))
        .hasMessage(
            "parse error at line 1, col 7: syntax error: unexpected $end, expecting } or ,");
    assertThatThrownBy(() -> LogQL.parseMatchers("", true))
        .hasMessage("parse error : syntax error: unexpected $end");
  }

  @Test
  void logSelectorsForDeletesSkipValidation() throws ParseException {
    assertThat(LogQL.parseLogSelector("{a=~\".*\"} |= \"x\"", false).pipeline()).hasSize(1);
    assertThatThrownBy(() -> LogQL.parseLogSelector("{a=~\".*\"}", true))
        .hasMessage("parse error : " + StreamSelector.EMPTY_COMPATIBLE_ERROR);
    assertThatThrownBy(() -> LogQL.parseLogSelector("rate({a=\"b\"}[1m])", false))
        .hasMessage("parse error : only log selector is supported");
  }

  @Test
  void hasFilterAsLokiSaysForDeletes() throws ParseException {
    for (String q :
        List.of(
            "{a=\"b\"}",
            "{a=\"b\"} |= \"\"",
            "{a=\"b\"} |~ \"\"",
            "{a=\"b\"} |= \"\" or \"x\"",
            "{a=\"b\"} | json | line_format \"{{.x}}\"",
            "{a=\"b\"} | drop x")) {
      assertThat(LogQL.parseLogSelector(q, false).hasFilter()).as(q).isFalse();
    }
    for (String q :
        List.of(
            "{a=\"b\"} |= \"x\"",
            "{a=\"b\"} != \"\"",
            "{a=\"b\"} |> \"<_>\"",
            "{a=\"b\"} |= ip(\"10.0.0.1\")",
            "{a=\"b\"} | x=\"y\"",
            "{a=\"b\"} | json | level=\"error\"",
            "{a=\"b\"} |= \"x\" |= \"\"")) {
      assertThat(LogQL.parseLogSelector(q, false).hasFilter()).as(q).isTrue();
    }
  }
}
