package io.skald.compactor.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionRuleTest {

  @Test
  void parsesASelectorRule() {
    RetentionRule r =
        RetentionRule.of("{namespace=\"dev\", app=~\"api|web\"}", 2, Duration.ofHours(24));
    assertThat(r.priority()).isEqualTo(2);
    assertThat(r.matches(Map.of("namespace", "dev", "app", "web"))).isTrue();
    assertThat(r.matches(Map.of("namespace", "dev", "app", "db"))).isFalse();
  }

  @Test
  void periodsUnder24hAreRejectedWithLokisText() {
    assertThatThrownBy(() -> RetentionRule.of("{a=\"b\"}", 1, Duration.ofHours(23)))
        .hasMessage("retention period must be >= 24h was 23h");
    assertThatThrownBy(() -> RetentionRule.of("{a=\"b\"}", 1, Duration.ofMinutes(90)))
        .hasMessage("retention period must be >= 24h was 1h30m");
  }

  static final String EMPTY_COMPATIBLE =
      "queries require at least one regexp or equality "
          + "matcher that does not have an empty-compatible value. For instance, app=~\".*\" does not "
          + "meet this requirement, but app=~\".+\" will";

  @Test
  void onlyLabelMatchersAndAtLeastOneSelectiveOneWithLokisTexts() {
    for (String selector :
        new String[] {"{a=\"b\"} |= \"x\"", "{a=\"b\"} | json", "rate({a=\"b\"}[1m])"}) {
      assertThatThrownBy(() -> RetentionRule.of(selector, 1, Duration.ofDays(2)))
          .as(selector)
          .hasMessage("invalid labels matchers: only label matchers are supported");
    }
    assertThatThrownBy(() -> RetentionRule.of("{a=~\".*\"}", 1, Duration.ofDays(2)))
        .hasMessage("invalid labels matchers: parse error : " + EMPTY_COMPATIBLE);
    assertThatThrownBy(() -> RetentionRule.of("{a!=\"x\"}", 1, Duration.ofDays(2)))
        .hasMessage("invalid labels matchers: parse error : " + EMPTY_COMPATIBLE);
    assertThatThrownBy(() -> RetentionRule.of("{a=\"b\"", 1, Duration.ofDays(2)))
        .hasMessage(
            "invalid labels matchers: parse error at line 1, col 7: syntax error: unexpected $end, "
                + "expecting } or ,");
    assertThat(RetentionRule.of("{a=~\".+\"}", 1, Duration.ofDays(2))).isNotNull();
    // Loki's rule: any matcher that does not match the empty string selects.
    assertThat(RetentionRule.of("{a!~\"\"}", 1, Duration.ofDays(2)).matches(Map.of("a", "x")))
        .isTrue();
  }
}
