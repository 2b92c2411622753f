package io.skald.routes.pushingest.ratelimit;

import io.skald.limits.Limits;
import io.skald.limits.TenantLimits;
import io.skald.routes.pushingest.PushException;
import io.skald.routes.pushingest.validate.IngestRejection;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Per-tenant token bucket for the distributor's ingestion rate limit (Go {@code x/time/rate}
 * semantics as Loki uses them): a bucket starts full at the burst size and refills at the rate; a
 * request of {@code n} bytes (line plus structured metadata of the accepted entries) is admitted
 * only if {@code n} tokens are there right now, and then they are taken. A refused request takes
 * nothing. Thread-safe.
 */
public final class IngestionRateLimiter {
  private final Clock clock;
  private final Function<String, IngestionRateLimit> limits;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** Every tenant gets the default limit (Loki's 4 MB/s, burst 6 MB). */
  public IngestionRateLimiter(Clock clock) {
    this(clock, fixed(IngestionRateLimit.of(Limits.DEFAULTS)));
  }

  /** Each tenant gets the rate and burst of its limits. */
  public IngestionRateLimiter(Clock clock, TenantLimits limits) {
    this(clock, tenant -> IngestionRateLimit.of(limits.forTenant(tenant)));
  }

  /** Every tenant gets the same limit, in Loki's units (MB = 1048576 bytes). */
  public IngestionRateLimiter(double ingestionRateMb, double ingestionBurstSizeMb, Clock clock) {
    this(clock, fixed(new IngestionRateLimit(ingestionRateMb, ingestionBurstSizeMb)));
  }

  private static Function<String, IngestionRateLimit> fixed(IngestionRateLimit limit) {
    return tenant -> limit;
  }

  /**
   * @param limits the limit of a tenant; looked up on every request so that overrides apply at once
   */
  public IngestionRateLimiter(Clock clock, Function<String, IngestionRateLimit> limits) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * Admits the request or throws 429 with Loki's text: {@code ingestion rate limit exceeded for
   * user <t> (limit: <n> bytes/sec) while attempting to ingest '<lines>' lines totaling '<bytes>'
   * bytes, reduce log volume or contact your Loki administrator to see if the limit can be
   * increased}.
   */
  public void check(String tenant, long lines, long bytes) {
    IngestionRateLimit limit = limits.apply(tenant);
    if (!tryAcquire(tenant, limit, bytes)) {
      throw new PushException(
          429,
          IngestRejection.RATE_LIMITED.format(tenant, (long) limit.bytesPerSecond(), lines, bytes));
    }
  }

  /** True (and the tokens are taken) if {@code bytes} fit in the tenant's bucket now. */
  public boolean tryAcquire(String tenant, long bytes) {
    return tryAcquire(tenant, limits.apply(tenant), bytes);
  }

  private boolean tryAcquire(String tenant, IngestionRateLimit limit, long bytes) {
    Instant now = clock.instant();
    Bucket b = buckets.computeIfAbsent(tenant, t -> new Bucket());
    return b.take(limit, now, bytes);
  }

  private static final class Bucket {
    private double tokens = Double.NaN; // NaN: not used yet, starts full
    private Instant last;

    synchronized boolean take(IngestionRateLimit limit, Instant now, long n) {
      double burst = limit.burstBytes();
      if (Double.isNaN(tokens)) {
        tokens = burst;
        last = now;
      }
      if (now.isAfter(last)) {
        double elapsed =
            (now.getEpochSecond() - last.getEpochSecond()) + (now.getNano() - last.getNano()) / 1e9;
        tokens = Math.min(burst, tokens + elapsed * limit.bytesPerSecond());
        last = now;
      }
      tokens = Math.min(tokens, burst); // a lowered burst applies at once
      if (n > burst || n > tokens) {
        return false;
      }
      tokens -= n;
      return true;
    }
  }
}
