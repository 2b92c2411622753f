package io.skald.deletes;

import java.time.Duration;
import java.util.Objects;

/**
 * Delete-request settings, with Loki's defaults in {@link #defaults()}.
 *
 * @param deleteRequestCancelPeriod a request can be cancelled without {@code force} this long after
 *     creation, and is processed physically only after it (plus a minute, as Loki does)
 * @param deleteMaxInterval requests with line filters are split into pieces of at most this length;
 *     zero disables splitting
 * @param indexUpdatePropagationMaxDelay processed requests keep filtering query results this long,
 *     until every querier has picked up the rewritten index
 */
public record DeletionConfig(
    Duration deleteRequestCancelPeriod,
    Duration deleteMaxInterval,
    Duration indexUpdatePropagationMaxDelay) {

  public DeletionConfig {
    Objects.requireNonNull(deleteRequestCancelPeriod, "deleteRequestCancelPeriod");
    Objects.requireNonNull(deleteMaxInterval, "deleteMaxInterval");
    Objects.requireNonNull(indexUpdatePropagationMaxDelay, "indexUpdatePropagationMaxDelay");
    if (deleteRequestCancelPeriod.isNegative()
        || deleteMaxInterval.isNegative()
        || indexUpdatePropagationMaxDelay.isNegative()) {
      throw new IllegalArgumentException("delete settings must not be negative");
    }
  }

  public static DeletionConfig defaults() {
    return new DeletionConfig(Duration.ofHours(24), Duration.ofHours(24), Duration.ofMinutes(15));
  }
}
