package io.skald.routes.pushingest.ratelimit;

import io.skald.limits.Limits;

/**
 * A tenant's ingestion rate limit, in Loki's units ({@code ingestion_rate_mb}, {@code
 * ingestion_burst_size_mb}; 1 MB = 1 MiB = 1048576 bytes).
 *
 * <p>Loki's default {@code global} strategy divides the rate (not the burst) by the number of
 * healthy distributors; pass the per-instance rate here (see {@link #perInstance}).
 */
public record IngestionRateLimit(double ingestionRateMb, double ingestionBurstSizeMb) {
  public static final double BYTES_IN_MB = 1048576;

  /** The rate and burst of a tenant's limits. */
  public static IngestionRateLimit of(Limits limits) {
    return new IngestionRateLimit(limits.ingestionRateMb(), limits.ingestionBurstSizeMb());
  }

  public IngestionRateLimit {
    if (ingestionRateMb < 0 || ingestionBurstSizeMb < 0) {
      throw new IllegalArgumentException("rate and burst must not be negative");
    }
  }

  public double bytesPerSecond() {
    return ingestionRateMb * BYTES_IN_MB;
  }

  public long burstBytes() {
    return (long) (ingestionBurstSizeMb * BYTES_IN_MB);
  }

  /** The limit one of {@code instances} healthy distributors enforces under the global strategy. */
  public IngestionRateLimit perInstance(int instances) {
    return instances <= 1
        ? this
        : new IngestionRateLimit(ingestionRateMb / instances, ingestionBurstSizeMb);
  }
}
