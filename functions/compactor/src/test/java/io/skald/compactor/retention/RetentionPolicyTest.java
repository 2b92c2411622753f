package io.skald.compactor.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The resolution order of contract §7, on the example of Loki's retention documentation. */
class RetentionPolicyTest {

  static Duration h(long hours) {
    return Duration.ofHours(hours);
  }

  final RetentionPolicy policy = new RetentionPolicy(
      new RetentionLimits(h(744), List.of(RetentionRule.of("{namespace=\"dev\"}", 1, h(24)))),
      Map.of(
          "29", new RetentionLimits(h(168), List.of(
              RetentionRule.of("{namespace=\"prod\"}", 2, h(336)),
              RetentionRule.of("{container=\"loki\"}", 1, h(72)))),
          "30", new RetentionLimits(null, List.of(
              RetentionRule.of("{container=\"nginx\", level=\"debug\"}", 1, h(24)))),
          "31", new RetentionLimits(h(48), null)));

  @Test
  void tenantRulesWinByPriority() {
    assertThat(policy.periodFor("29", Map.of("namespace", "prod", "container", "loki"))).isEqualTo(h(336));
    assertThat(policy.periodFor("29", Map.of("namespace", "staging", "container", "loki"))).isEqualTo(h(72));
  }

  @Test
  void withoutAMatchingTenantRuleTheTenantPeriodApplies() {
    assertThat(policy.periodFor("29", Map.of("namespace", "staging"))).isEqualTo(h(168));
  }

  @Test
  void tenantRulesHideTheGlobalRules() {
    // tenant 30 sets retention_stream, so the global {namespace="dev"} rule is not consulted
    assertThat(policy.periodFor("30", Map.of("namespace", "dev"))).isEqualTo(h(744));
    assertThat(policy.periodFor("30", Map.of("container", "nginx", "level", "debug"))).isEqualTo(h(24));
  }

  @Test
  void globalRulesThenTenantPeriodThenGlobalPeriod() {
    assertThat(policy.periodFor("31", Map.of("namespace", "dev"))).isEqualTo(h(24));
    assertThat(policy.periodFor("31", Map.of("namespace", "prod"))).isEqualTo(h(48));
    assertThat(policy.periodFor("other", Map.of("namespace", "dev"))).isEqualTo(h(24));
    assertThat(policy.periodFor("other", "{namespace=\"prod\"}")).isEqualTo(h(744));
  }

  @Test
  void equalPrioritiesTakeTheShorterPeriod() {
    RetentionPolicy p = new RetentionPolicy(new RetentionLimits(Duration.ZERO, List.of(
        RetentionRule.of("{a=\"x\"}", 1, h(96)),
        RetentionRule.of("{b=\"y\"}", 1, h(48)),
        RetentionRule.of("{b=\"y\"}", 0, h(24)))), Map.of());
    assertThat(p.periodFor("t", Map.of("a", "x", "b", "y"))).isEqualTo(h(48));
  }

  @Test
  void zeroMeansKeepForeverAndIsTheDefault() {
    RetentionPolicy p = RetentionPolicy.keepForever();
    assertThat(p.periodFor("t", Map.of("a", "b"))).isZero();
    assertThat(p.shortestPeriod("t")).isEmpty();
    assertThat(policy.shortestPeriod("29")).contains(h(72));
    assertThat(policy.shortestPeriod("31")).contains(h(24));
  }
}
