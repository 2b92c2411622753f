package io.skald.deletes;

import io.skald.storage.NoSuchBucketException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The query-time {@link DeleteFilter} of each tenant, read from the admin bucket and cached for a
 * short time, so a request hides its lines within that time on every querier without each query
 * listing the bucket. Thread-safe.
 */
public final class TenantDeleteFilters {

  /** Filters nothing: for wiring without an admin bucket. */
  public static final TenantDeleteFilters NONE =
      new TenantDeleteFilters(null, Clock.systemUTC(), Duration.ZERO);

  private record Cached(DeleteFilter filter, Instant readAt) {}

  private final DeleteRequestStore requests;
  private final Clock clock;
  private final Duration ttl;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  public TenantDeleteFilters(DeleteRequestStore requests, Clock clock, Duration ttl) {
    this.requests = requests;
    this.clock = clock;
    this.ttl = ttl;
  }

  /**
   * The tenant's filter, at most {@code ttl} old.
   *
   * @throws UncheckedIOException when the requests cannot be read: answering without them could
   *     show lines a user asked to delete
   */
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(TenantDeleteFilters.class);

  private final java.util.concurrent.atomic.AtomicBoolean missingBucketReported =
      new java.util.concurrent.atomic.AtomicBoolean();

  public DeleteFilter forTenant(String tenant) {
    if (requests == null) {
      return DeleteFilter.of(java.util.List.of());
    }
    Instant now = clock.instant();
    Cached c = cache.get(tenant);
    if (c != null && now.isBefore(c.readAt().plus(ttl))) {
      return c.filter();
    }
    try {
      DeleteFilter filter = DeleteFilter.of(requests.forQueryTimeFiltering(tenant));
      cache.put(tenant, new Cached(filter, now));
      return filter;
    } catch (NoSuchBucketException e) {
      // No admin bucket means no delete request was ever stored: nothing to filter.
      if (missingBucketReported.compareAndSet(false, true)) {
        LOG.warn(
            "the admin bucket does not exist, so there are no delete requests to apply: {}",
            e.getMessage());
      }
      DeleteFilter none = DeleteFilter.of(java.util.List.of());
      cache.put(tenant, new Cached(none, now));
      return none;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the delete requests of " + tenant, e);
    }
  }
}
