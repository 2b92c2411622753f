package io.skald.compactor.retention;

import io.skald.gocompat.PromDuration;
import io.skald.labels.Matcher;
import io.skald.logql.syntax.LogQL;
import io.skald.logql.syntax.ParseException;
import io.skald.logql.syntax.StreamSelector;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code retention_stream} rule: streams matching {@code matchers} keep their data for {@code
 * period}; among several matching rules the highest {@code priority} wins.
 *
 * @throws IllegalArgumentException (from the constructor) with Loki's config validation texts when
 *     the period is under 24h or the selector is unusable
 */
public record RetentionRule(List<Matcher> matchers, int priority, Duration period) {

  /** Loki rejects shorter stream rules because retention works on whole index days. */
  public static final Duration MIN_PERIOD = Duration.ofHours(24);

  public RetentionRule {
    matchers = List.copyOf(matchers);
    Objects.requireNonNull(period, "period");
    try {
      new StreamSelector(matchers).validate();
    } catch (ParseException e) {
      throw invalidMatchers(e);
    }
    if (period.compareTo(MIN_PERIOD) < 0) {
      throw new IllegalArgumentException(
          "retention period must be >= 24h was " + PromDuration.format(period));
    }
  }

  /**
   * Parses {@code selector} as Loki's limits validation does ({@code syntax.ParseMatchers} with
   * validation): label matchers only, e.g. {@code {namespace="dev"}}.
   */
  public static RetentionRule of(String selector, int priority, Duration period) {
    List<Matcher> matchers;
    try {
      matchers = LogQL.parseMatchers(selector, true);
    } catch (ParseException e) {
      throw invalidMatchers(e);
    }
    return new RetentionRule(matchers, priority, period);
  }

  public boolean matches(Map<String, String> labels) {
    for (Matcher m : matchers) {
      if (!m.matches(labels.getOrDefault(m.name(), ""))) {
        return false;
      }
    }
    return true;
  }

  private static IllegalArgumentException invalidMatchers(ParseException e) {
    return new IllegalArgumentException("invalid labels matchers: " + e.getMessage(), e);
  }
}
