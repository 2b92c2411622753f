package io.skald.compactor.retention;

import io.skald.deletes.LabelMatcher;
import io.skald.deletes.SelectorParser;
import io.skald.gocompat.PromDuration;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code retention_stream} rule: streams matching {@code matchers} keep their data for
 * {@code period}; among several matching rules the highest {@code priority} wins.
 *
 * @throws IllegalArgumentException (from the constructor) with Loki's config validation texts
 *     when the period is under 24h or the selector is unusable
 */
public record RetentionRule(List<LabelMatcher> matchers, int priority, Duration period) {

  /** Loki rejects shorter stream rules because retention works on whole index days. */
  public static final Duration MIN_PERIOD = Duration.ofHours(24);

  static final String EMPTY_COMPATIBLE = "queries require at least one regexp or equality "
      + "matcher that does not have an empty-compatible value. For instance, app=~\".*\" does not "
      + "meet this requirement, but app=~\".+\" will";

  public RetentionRule {
    matchers = List.copyOf(matchers);
    Objects.requireNonNull(period, "period");
    if (matchers.stream().noneMatch(RetentionRule::selective)) {
      throw new IllegalArgumentException("invalid labels matchers: parse error : " + EMPTY_COMPATIBLE);
    }
    if (period.compareTo(MIN_PERIOD) < 0) {
      throw new IllegalArgumentException(
          "retention period must be >= 24h was " + PromDuration.format(period));
    }
  }

  /** Parses {@code selector} (label matchers only, e.g. {@code {namespace="dev"}}). */
  public static RetentionRule of(String selector, int priority, Duration period) {
    List<LabelMatcher> matchers;
    try {
      matchers = SelectorParser.parseSelector(selector);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid labels matchers: " + e.getMessage(), e);
    }
    return new RetentionRule(matchers, priority, period);
  }

  public boolean matches(Map<String, String> labels) {
    return LabelMatcher.allMatch(matchers, labels);
  }

  private static boolean selective(LabelMatcher m) {
    return (m.type() == LabelMatcher.Type.EQ || m.type() == LabelMatcher.Type.RE) && !m.matches("");
  }
}
