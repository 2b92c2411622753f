package io.skald.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MatcherTest {

  private static void check(MatchType type, String value, String input, boolean expected) {
    assertThat(new Matcher("a", type, value).matches(input))
        .as("%s %s %s", value, type, input)
        .isEqualTo(expected);
  }

  @Test
  void equalityMatchers() {
    check(MatchType.EQ, "foo", "foo", true);
    check(MatchType.EQ, "foo", "foobar", false);
    check(MatchType.EQ, "", "", true);
    check(MatchType.NEQ, "foo", "foo", false);
    check(MatchType.NEQ, "foo", "bar", true);
  }

  @Test
  void regexMatchersAreFullyAnchored() {
    check(MatchType.RE, "fo+", "foo", true);
    check(MatchType.RE, "fo+", "xfoo", false);
    check(MatchType.RE, "fo+", "foox", false);
    check(MatchType.RE, "a|b", "a", true);
    check(MatchType.RE, "a|b", "ab", false);
    check(MatchType.NRE, "fo+", "foo", false);
    check(MatchType.NRE, "fo+", "xfoo", true);
    check(MatchType.RE, "(?i)FOO", "foo", true);
  }

  @Test
  void dotMatchesNewlineLikePrometheus() {
    check(MatchType.RE, "a.b", "a\nb", true);
  }

  @Test
  void usesRe2Syntax() {
    check(MatchType.RE, "(?P<x>\\d+)", "123", true);
    assertThatThrownBy(() -> new Matcher("a", MatchType.RE, "(a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("error parsing regexp: missing closing ): `(a`");
    assertThatThrownBy(() -> new Matcher("a", MatchType.RE, "a)(b"))
        .isInstanceOf(IllegalArgumentException.class);
    // Backreferences are not RE2.
    assertThatThrownBy(() -> new Matcher("a", MatchType.RE, "(a)\\1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void matchesEmpty() {
    assertThat(new Matcher("a", MatchType.EQ, "").matchesEmpty()).isTrue();
    assertThat(new Matcher("a", MatchType.EQ, "x").matchesEmpty()).isFalse();
    assertThat(new Matcher("a", MatchType.NEQ, "x").matchesEmpty()).isTrue();
    assertThat(new Matcher("a", MatchType.RE, ".*").matchesEmpty()).isTrue();
    assertThat(new Matcher("a", MatchType.RE, ".+").matchesEmpty()).isFalse();
    assertThat(new Matcher("a", MatchType.NRE, ".+").matchesEmpty()).isTrue();
  }

  @Test
  void equalityIgnoresCompiledRegex() {
    assertThat(new Matcher("a", MatchType.RE, "x.*"))
        .isEqualTo(new Matcher("a", MatchType.RE, "x.*"))
        .hasSameHashCodeAs(new Matcher("a", MatchType.RE, "x.*"));
    assertThat(new Matcher("a", MatchType.RE, "x"))
        .isNotEqualTo(new Matcher("a", MatchType.EQ, "x"));
  }

  @Test
  void printsPrometheusStyle() {
    assertThat(new Matcher("app", MatchType.NEQ, "a\"b\\c")).hasToString("app!=\"a\\\"b\\\\c\"");
  }

  @Test
  void matchesLabelSetsTreatingAbsentLabelsAsEmpty() {
    LabelSet set = LabelSet.of("app", "api", "env", "prod");
    assertThat(new Matcher("app", MatchType.EQ, "api").matches(set)).isTrue();
    assertThat(new Matcher("team", MatchType.EQ, "").matches(set)).isTrue();
    assertThat(new Matcher("team", MatchType.NRE, ".+").matches(set)).isTrue();
    assertThat(new Matcher("env", MatchType.RE, "dev|qa").matches(set)).isFalse();
  }

  @Test
  void printsNonPrintableValuesAsGoDoes() {
    assertThat(new Matcher("a", MatchType.EQ, "x\u0007\uDB40\uDC01"))
        .hasToString("a=\"x\\a\\U000e0001\"");
  }
}
