package io.skald.deletes;

import static org.assertj.core.api.Assertions.assertThat;

import io.skald.harness.MutableClock;
import io.skald.storage.FileSystemObjectStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantDeleteFiltersTest {

  @TempDir Path dir;

  @Test
  void seesNewRequestsOnceTheCacheExpires() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
    DeleteRequestStore store =
        new DeleteRequestStore(
            new FileSystemObjectStore(dir, "loki-admin"), clock, DeletionConfig.defaults());
    TenantDeleteFilters filters = new TenantDeleteFilters(store, clock, Duration.ofSeconds(1));
    Map<String, String> app = Map.of("app", "x");
    long ts = Instant.parse("2026-06-01T11:00:00Z").getEpochSecond() * 1_000_000_000L;
    assertThat(filters.forTenant("t").deleted(app, ts, "a secret")).isFalse();

    store.add(
        "t",
        DeleteRequestParams.parse(
            Map.of("query", "{app=\"x\"} |= \"secret\"", "start", "2026-06-01T10:00:00Z"),
            clock.instant(),
            DeletionConfig.defaults()));
    assertThat(filters.forTenant("t").deleted(app, ts, "a secret")).as("cached").isFalse();

    clock.advance(Duration.ofSeconds(1));
    assertThat(filters.forTenant("t").deleted(app, ts, "a secret")).isTrue();
    assertThat(filters.forTenant("t").deleted(app, ts, "public")).isFalse();
    assertThat(filters.forTenant("other").isEmpty()).isTrue();
  }
}
