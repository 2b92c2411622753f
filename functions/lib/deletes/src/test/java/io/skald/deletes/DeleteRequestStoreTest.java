package io.skald.deletes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skald.harness.MutableClock;
import io.skald.storage.FileSystemObjectStore;
import io.skald.storage.ObjectStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeleteRequestStoreTest {

  static final String CANCEL_TEXT =
      "Cancellation of partially completed delete request or delete "
          + "request past the deadline of 24h0m0s since its creation is not allowed. To force, use the ?force query parameter";

  @TempDir Path dir;
  ObjectStore admin;
  MutableClock clock = new MutableClock(Instant.parse("2026-06-10T12:00:00Z"));
  DeleteRequestStore store;

  @BeforeEach
  void setUp() throws Exception {
    admin = new FileSystemObjectStore(dir, "admin");
    store = new DeleteRequestStore(admin, clock, DeletionConfig.defaults());
  }

  DeleteRequest add(String tenant, String query, String start, String end) throws Exception {
    return store.add(
        tenant,
        DeleteRequestParams.parse(
            Map.of("query", query, "start", start, "end", end),
            clock.instant(),
            DeletionConfig.defaults()));
  }

  static void fails(ThrowingRunnable r, int status, String text) {
    assertThatThrownBy(r::run)
        .isInstanceOf(DeleteApiException.class)
        .hasMessage(text)
        .extracting(e -> ((DeleteApiException) e).status())
        .isEqualTo(status);
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  @Test
  void storesRequestsAsJsonObjectsPerTenant() throws Exception {
    DeleteRequest r = add("t1", "{a=\"b\"}", "2026-06-01T00:00:00Z", "2026-06-02T00:00:00Z");
    assertThat(r.requestId()).matches("[0-9a-f]{8}");
    assertThat(r.status()).isEqualTo("received");
    assertThat(r.startNanos()).isEqualTo(1_780_272_000_000_000_000L);
    assertThat(admin.head("delete-requests/t1/" + r.requestId() + ".json")).isPresent();
    assertThat(store.get("t1", r.requestId())).contains(r);
    assertThat(store.get("t2", r.requestId())).isEmpty();
    assertThat(store.tenants()).containsExactly("t1");
  }

  @Test
  void listsByCreationTimeAndFiltersByOverlap() throws Exception {
    DeleteRequest a = add("t", "{a=\"1\"}", "2026-06-01T00:00:00Z", "2026-06-02T00:00:00Z");
    clock.advance(Duration.ofSeconds(1));
    DeleteRequest b = add("t", "{a=\"1\"}", "2026-06-05T00:00:00Z", "2026-06-06T00:00:00Z");
    clock.advance(Duration.ofSeconds(1));
    DeleteRequest c = add("t", "{a=\"1\"}", "2026-06-03T00:00:00Z", "2026-06-04T00:00:00Z");
    assertThat(store.list("t")).containsExactly(a, b, c);
    assertThat(a.requestId()).isNotEqualTo(b.requestId());
    long day = 86_400_000_000_000L;
    assertThat(store.list("t", b.startNanos(), b.startNanos() + day)).containsExactly(b);
    assertThat(store.list("t", c.endNanos(), b.startNanos())).containsExactly(b, c);
    assertThat(store.list("other")).isEmpty();
  }

  @Test
  void cancelWithinThePeriodThenOnlyWithForce() throws Exception {
    DeleteRequest r = add("t", "{a=\"b\"}", "2026-06-01T00:00:00Z", "2026-06-02T00:00:00Z");
    clock.advance(Duration.ofHours(24));
    store.cancel("t", r.requestId(), false); // exactly at the deadline still allowed
    assertThat(store.list("t")).isEmpty();

    DeleteRequest late = add("t", "{a=\"b\"}", "2026-06-01T00:00:00Z", "2026-06-02T00:00:00Z");
    clock.advance(Duration.ofHours(24).plusMillis(1));
    fails(() -> store.cancel("t", late.requestId(), false), 400, CANCEL_TEXT);
    store.cancel("t", late.requestId(), true);
    assertThat(store.get("t", late.requestId())).isEmpty();
    fails(
        () -> store.cancel("t", late.requestId(), false),
        404,
        "could not find delete request with given id");
    fails(() -> store.cancel("t", "", false), 404, "could not find delete request with given id");
  }

  @Test
  void statusAdvancesPieceByPieceAndProcessedRequestsCannotBeCancelled() throws Exception {
    DeleteRequest r =
        add("t", "{a=\"b\"} |= \"x\"", "2026-06-01T00:00:00Z", "2026-06-04T00:00:00Z");
    assertThat(r.shards()).hasSize(3);
    r = store.markShardProcessed(r, 0);
    assertThat(r.status()).isEqualTo("33% Complete");
    fails(
        () -> store.cancel("t", "" + store.list("t").get(0).requestId(), false), 400, CANCEL_TEXT);
    r = store.markShardProcessed(r, 2);
    assertThat(store.get("t", r.requestId()).orElseThrow().status()).isEqualTo("66% Complete");
    r = store.markShardProcessed(r, 1);
    assertThat(r.status()).isEqualTo("processed");
    assertThat(r.processedAt()).isEqualTo(clock.instant());
    String id = r.requestId();
    fails(
        () -> store.cancel("t", id, true),
        400,
        "deletion of request which is in process or already processed is not allowed");
  }

  @Test
  void processingWaitsForTheCancelPeriodAndQueryFilteringOutlivesProcessing() throws Exception {
    DeleteRequest r = add("t", "{a=\"b\"}", "2026-06-01T00:00:00Z", "2026-06-02T00:00:00Z");
    assertThat(store.readyForProcessing("t")).isEmpty();
    clock.advance(Duration.ofHours(24));
    assertThat(store.readyForProcessing("t")).as("Loki adds a minute").isEmpty();
    clock.advance(Duration.ofMinutes(1));
    assertThat(store.readyForProcessing("t")).containsExactly(r);
    assertThat(store.forQueryTimeFiltering("t")).containsExactly(r);

    store.markShardProcessed(r, 0);
    assertThat(store.readyForProcessing("t")).isEmpty();
    assertThat(store.forQueryTimeFiltering("t")).hasSize(1);
    clock.advance(Duration.ofMinutes(15));
    assertThat(store.forQueryTimeFiltering("t")).isEmpty();
    assertThat(store.list("t")).hasSize(1);
  }
}
