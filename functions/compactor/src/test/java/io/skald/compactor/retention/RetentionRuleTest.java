package io.skald.compactor.retention;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionRuleTest {

  @Test
  void parsesASelectorRule() {
    RetentionRule r = RetentionRule.of("{namespace=\"dev\", app=~\"api|web\"}", 2, Duration.ofHours(24));
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

  @Test
  void onlyLabelMatchersAndAtLeastOneSelectiveOne() {
    assertThatThrownBy(() -> RetentionRule.of("{a=\"b\"} |= \"x\"", 1, Duration.ofDays(2)))
        .hasMessageStartingWith("invalid labels matchers: ")
        .hasMessageContaining("only label matchers are supported");
    assertThatThrownBy(() -> RetentionRule.of("{a=~\".*\"}", 1, Duration.ofDays(2)))
        .hasMessage("invalid labels matchers: parse error : " + RetentionRule.EMPTY_COMPATIBLE);
    assertThatThrownBy(() -> RetentionRule.of("{a!=\"x\"}", 1, Duration.ofDays(2)))
        .hasMessageContaining("empty-compatible");
    assertThat(RetentionRule.of("{a=~\".+\"}", 1, Duration.ofDays(2))).isNotNull();
  }
}
