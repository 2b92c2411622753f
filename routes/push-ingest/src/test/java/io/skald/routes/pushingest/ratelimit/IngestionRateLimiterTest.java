package io.skald.routes.pushingest.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skald.harness.MutableClock;
import io.skald.limits.Limits;
import io.skald.routes.pushingest.PushException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestionRateLimiterTest {
  private static final long MB = 1048576;

  /** A clock the test moves by hand. */
  private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T12:00:00Z"));

  private final IngestionRateLimiter limiter = new IngestionRateLimiter(clock);

  @Test
  void startsWithAFullBurstThenRefillsAtTheRate() {
    assertThat(limiter.tryAcquire("t", 6 * MB)).isTrue();
    assertThat(limiter.tryAcquire("t", 1)).isFalse();

    clock.advance(Duration.ofMillis(500));
    assertThat(limiter.tryAcquire("t", 2 * MB)).isTrue();
    assertThat(limiter.tryAcquire("t", 1)).isFalse();

    clock.advance(Duration.ofHours(1));
    assertThat(limiter.tryAcquire("t", 6 * MB)).isTrue();
  }

  @Test
  void aRefusedRequestTakesNothing() {
    assertThat(limiter.tryAcquire("t", 5 * MB)).isTrue();
    assertThat(limiter.tryAcquire("t", 2 * MB)).isFalse();
    assertThat(limiter.tryAcquire("t", MB)).isTrue();
  }

  @Test
  void moreThanTheBurstIsNeverAdmitted() {
    assertThat(limiter.tryAcquire("t", 6 * MB + 1)).isFalse();
    assertThat(limiter.tryAcquire("t", 6 * MB)).isTrue();
  }

  @Test
  void tenantsHaveSeparateBuckets() {
    assertThat(limiter.tryAcquire("a", 6 * MB)).isTrue();
    assertThat(limiter.tryAcquire("b", 6 * MB)).isTrue();
  }

  @Test
  void overTheLimitIs429WithLokisText() {
    limiter.check("fake", 100, 6 * MB);

    assertThatThrownBy(() -> limiter.check("fake", 10, 1000))
        .isInstanceOfSatisfying(
            PushException.class,
            e -> {
              assertThat(e.status()).isEqualTo(429);
              assertThat(e.httpBody())
                  .isEqualTo(
                      "ingestion rate limit exceeded for user fake (limit: 4194304 bytes/sec) "
                          + "while attempting to ingest '10' lines totaling '1000' bytes, reduce log volume or contact "
                          + "your Loki administrator to see if the limit can be increased\n");
            });
  }

  @Test
  void perTenantLimitsAndTheMegabyteConstructor() {
    IngestionRateLimiter custom =
        new IngestionRateLimiter(
            clock,
            t ->
                Map.of("small", new IngestionRateLimit(1, 1))
                    .getOrDefault(t, IngestionRateLimit.of(Limits.DEFAULTS)));

    assertThat(custom.tryAcquire("small", MB + 1)).isFalse();
    assertThat(custom.tryAcquire("other", MB + 1)).isTrue();
    assertThatThrownBy(() -> new IngestionRateLimiter(0.5, 0.5, clock).check("t", 1, MB))
        .hasMessageContaining("(limit: 524288 bytes/sec)");
  }

  @Test
  void globalStrategyDividesTheRateNotTheBurst() {
    IngestionRateLimit perInstance = IngestionRateLimit.of(Limits.DEFAULTS).perInstance(4);

    assertThat(perInstance.bytesPerSecond()).isEqualTo(MB);
    assertThat(perInstance.burstBytes()).isEqualTo(6 * MB);
  }
}
