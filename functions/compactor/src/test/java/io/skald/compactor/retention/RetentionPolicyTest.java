package io.skald.compactor.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skald.limits.Limits;
import io.skald.limits.RetentionStream;
import io.skald.limits.TenantLimits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The resolution order of contract §7, on the example of Loki's retention documentation. */
class RetentionPolicyTest {

  static Duration h(long hours) {
    return Duration.ofHours(hours);
  }

  static Limits limits(Duration period, RetentionStream... rules) {
    return Limits.builder().retentionPeriod(period).retentionStream(List.of(rules)).build();
  }

  static RetentionStream rule(String selector, int priority, Duration period) {
    return new RetentionStream(selector, priority, period);
  }

  static final Limits GLOBAL = limits(h(744), rule("{namespace=\"dev\"}", 1, h(24)));

  final RetentionPolicy policy =
      new RetentionPolicy(
          new TenantLimits(
              GLOBAL,
              Map.of(
                  "29",
                      limits(
                          h(168),
                          rule("{namespace=\"prod\"}", 2, h(336)),
                          rule("{container=\"loki\"}", 1, h(72))),
                  "30",
                      GLOBAL.toBuilder()
                          .retentionStream(
                              List.of(rule("{container=\"nginx\", level=\"debug\"}", 1, h(24))))
                          .build(),
                  "31", GLOBAL.toBuilder().retentionPeriod(h(48)).build())));

  @Test
  void tenantRulesWinByPriority() {
    assertThat(policy.periodFor("29", Map.of("namespace", "prod", "container", "loki")))
        .isEqualTo(h(336));
    assertThat(policy.periodFor("29", Map.of("namespace", "staging", "container", "loki")))
        .isEqualTo(h(72));
  }

  @Test
  void withoutAMatchingTenantRuleTheTenantPeriodApplies() {
    assertThat(policy.periodFor("29", Map.of("namespace", "staging"))).isEqualTo(h(168));
  }

  @Test
  void tenantRulesHideTheGlobalRules() {
    // tenant 30 sets retention_stream, so the global {namespace="dev"} rule is not consulted
    assertThat(policy.periodFor("30", Map.of("namespace", "dev"))).isEqualTo(h(744));
    assertThat(policy.periodFor("30", Map.of("container", "nginx", "level", "debug")))
        .isEqualTo(h(24));
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
    RetentionPolicy p =
        new RetentionPolicy(
            TenantLimits.of(
                limits(
                    Duration.ZERO,
                    rule("{a=\"x\"}", 1, h(96)),
                    rule("{b=\"y\"}", 1, h(48)),
                    rule("{b=\"y\"}", 0, h(24)))));
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

  @Test
  void rulesLokiRefusesStopThePolicyAtStart() {
    assertThatThrownBy(
            () ->
                new RetentionPolicy(
                    TenantLimits.of(limits(Duration.ZERO, rule("{a=\"b\"}", 0, h(12))))))
        .hasMessage("retention period must be >= 24h was 12h");
    assertThatThrownBy(
            () ->
                new RetentionPolicy(
                    new TenantLimits(
                        GLOBAL, Map.of("t", limits(Duration.ZERO, rule("{a=~\".*\"}", 0, h(24)))))))
        .hasMessageStartingWith("invalid labels matchers: ");
  }
}
