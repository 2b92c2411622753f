package io.skald.deletes;

import io.skald.gocompat.GoDuration;
import io.skald.layout.ObjectKeys;
import io.skald.storage.ObjectInfo;
import io.skald.storage.ObjectStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Delete requests as JSON objects in the admin bucket, one per request: {@code
 * delete-requests/<tenant>/<requestId>.json}. Implements the request lifecycle (add, list, cancel,
 * shard progress) with Loki's rules and texts.
 */
public final class DeleteRequestStore {

  /** Loki waits this much beyond the cancel period, so a cancel and a pick-up cannot race. */
  static final Duration PICKUP_SLACK = Duration.ofMinutes(1);

  private final ObjectStore admin;
  private final Clock clock;
  private final DeletionConfig config;

  public DeleteRequestStore(ObjectStore admin, Clock clock, DeletionConfig config) {
    this.admin = admin;
    this.clock = clock;
    this.config = config;
  }

  /** Stores a validated request, split into shards, and returns it (status {@code received}). */
  public DeleteRequest add(String tenant, DeleteRequestParams.NewDelete d) throws IOException {
    Instant now = clock.instant();
    List<DeleteShard> shards =
        DeleteShards.split(d.startMillis(), d.endMillis(), d.shardInterval());
    String id = newId(tenant, d.query(), now);
    DeleteRequest r =
        new DeleteRequest(
            id,
            tenant,
            d.query(),
            d.startMillis() * 1_000_000L,
            d.endMillis() * 1_000_000L,
            Instant.ofEpochMilli(now.toEpochMilli()),
            shards,
            null);
    save(r);
    return r;
  }

  public Optional<DeleteRequest> get(String tenant, String requestId) throws IOException {
    if (requestId == null || requestId.isEmpty() || requestId.contains("/")) {
      return Optional.empty();
    }
    Optional<byte[]> bytes = admin.get(key(tenant, requestId));
    return bytes.isEmpty() ? Optional.empty() : Optional.of(DeleteRequestCodec.decode(bytes.get()));
  }

  /** All requests of the tenant, oldest first (by created_at, then id). */
  public List<DeleteRequest> list(String tenant) throws IOException {
    List<DeleteRequest> out = new ArrayList<>();
    for (ObjectInfo info : admin.list(ObjectKeys.deleteRequestsPrefix(tenant))) {
      Optional<byte[]> bytes = admin.get(info.key()); // may have been cancelled since the listing
      if (bytes.isPresent()) {
        out.add(DeleteRequestCodec.decode(bytes.get()));
      }
    }
    out.sort(
        Comparator.comparing(DeleteRequest::createdAt).thenComparing(DeleteRequest::requestId));
    return out;
  }

  /** Requests overlapping {@code [startNanos, endNanos]}, as GET with start and end returns. */
  public List<DeleteRequest> list(String tenant, long startNanos, long endNanos)
      throws IOException {
    return list(tenant).stream()
        .filter(r -> r.startNanos() <= endNanos && r.endNanos() >= startNanos)
        .toList();
  }

  /**
   * What queriers filter with ({@code for_querytime_filtering=true}): requests not processed yet,
   * and processed ones until the rewritten index has reached every querier.
   */
  public List<DeleteRequest> forQueryTimeFiltering(String tenant) throws IOException {
    Instant cutoff = clock.instant().minus(config.indexUpdatePropagationMaxDelay());
    return list(tenant).stream()
        .filter(r -> r.processedAt() == null || r.processedAt().isAfter(cutoff))
        .toList();
  }

  /** Unprocessed requests old enough to be deleted physically (past the cancel period). */
  public List<DeleteRequest> readyForProcessing(String tenant) throws IOException {
    Instant now = clock.instant();
    return list(tenant).stream()
        .filter(r -> !r.isProcessed())
        .filter(
            r -> !r.createdAt().plus(config.deleteRequestCancelPeriod()).plus(slack()).isAfter(now))
        .toList();
  }

  /** Loki's minute, but never longer than the cancel period itself (short periods in tests). */
  private Duration slack() {
    Duration cancel = config.deleteRequestCancelPeriod();
    return cancel.compareTo(PICKUP_SLACK) < 0 ? cancel : PICKUP_SLACK;
  }

  /**
   * Cancels (removes) a request.
   *
   * @throws DeleteApiException 404 when unknown; 400 when processed, or partly processed or past
   *     the cancel period without {@code force}
   */
  public void cancel(String tenant, String requestId, boolean force)
      throws IOException, DeleteApiException {
    DeleteRequest r =
        get(tenant, requestId)
            .orElseThrow(
                () -> new DeleteApiException(404, "could not find delete request with given id"));
    if (r.isProcessed()) {
      throw DeleteApiException.badRequest(
          "deletion of request which is in process or already processed is not allowed");
    }
    boolean late = r.createdAt().plus(config.deleteRequestCancelPeriod()).isBefore(clock.instant());
    if ((!r.status().equals(DeleteRequest.RECEIVED) || late) && !force) {
      throw DeleteApiException.badRequest(
          "Cancellation of partially completed delete request or "
              + "delete request past the deadline of "
              + GoDuration.format(config.deleteRequestCancelPeriod())
              + " since its creation is not allowed. To force, use the ?force query parameter");
    }
    admin.delete(key(tenant, requestId));
  }

  /** Records that one shard was deleted physically; returns the updated request. */
  public DeleteRequest markShardProcessed(DeleteRequest r, int shard) throws IOException {
    DeleteRequest current = get(r.tenant(), r.requestId()).orElse(r);
    DeleteRequest next = current.withShardProcessed(shard, clock.instant());
    save(next);
    return next;
  }

  /** Tenants that have at least one request. */
  public List<String> tenants() throws IOException {
    TreeSet<String> out = new TreeSet<>();
    for (ObjectInfo info : admin.list(ObjectKeys.DELETE_REQUESTS)) {
      ObjectKeys.tenantUnder(ObjectKeys.DELETE_REQUESTS, info.key()).ifPresent(out::add);
    }
    return List.copyOf(out);
  }

  private void save(DeleteRequest r) throws IOException {
    admin.put(key(r.tenant(), r.requestId()), DeleteRequestCodec.encode(r));
  }

  static String key(String tenant, String requestId) {
    return ObjectKeys.deleteRequest(tenant, requestId);
  }

  /** Eight hex digits like Loki's ids (FNV-1 over tenant, time and query); never reused. */
  private String newId(String tenant, String query, Instant now) throws IOException {
    long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    for (int attempt = 0; ; attempt++) {
      int h = 0x811c9dc5;
      byte[] data =
          (tenant + "\u0000" + (nanos + attempt) + "\u0000" + query)
              .getBytes(StandardCharsets.UTF_8);
      for (byte b : data) {
        h *= 0x01000193;
        h ^= b & 0xff;
      }
      String id = String.format("%08x", h);
      if (admin.head(key(tenant, id)).isEmpty()) {
        return id;
      }
    }
  }
}
