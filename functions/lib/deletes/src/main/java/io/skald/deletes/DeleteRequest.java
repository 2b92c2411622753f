package io.skald.deletes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A delete request of one tenant. Lines of streams matching {@code query} with timestamps in {@code
 * [startNanos, endNanos]} (both inclusive, millisecond precision as in Loki) are filtered from
 * query results at once and removed physically once the request is past its cancel period.
 *
 * @param query the LogQL log query, as the user sent it
 * @param shards pieces processed one at a time; the status is derived from them
 * @param processedAt when the last piece was processed, or null
 */
public record DeleteRequest(
    String requestId,
    String tenant,
    String query,
    long startNanos,
    long endNanos,
    Instant createdAt,
    List<DeleteShard> shards,
    Instant processedAt) {

  public static final String RECEIVED = "received";
  public static final String PROCESSED = "processed";

  public DeleteRequest {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(createdAt, "createdAt");
    shards = List.copyOf(shards);
    if (shards.isEmpty()) {
      throw new IllegalArgumentException("a delete request has at least one shard");
    }
  }

  /** {@code received}, {@code "<N>% Complete"} (N rounded down) or {@code processed}. */
  public String status() {
    long done = shards.stream().filter(DeleteShard::processed).count();
    if (done == 0) {
      return RECEIVED;
    }
    if (done == shards.size()) {
      return PROCESSED;
    }
    return (int) ((double) done / shards.size() * 100) + "% Complete";
  }

  public boolean isProcessed() {
    return shards.stream().allMatch(DeleteShard::processed);
  }

  public DeleteRequest withShardProcessed(int index, Instant now) {
    List<DeleteShard> next = new ArrayList<>(shards);
    next.set(index, shards.get(index).processedNow());
    boolean all = next.stream().allMatch(DeleteShard::processed);
    return new DeleteRequest(
        requestId,
        tenant,
        query,
        startNanos,
        endNanos,
        createdAt,
        next,
        all ? (processedAt != null ? processedAt : now) : null);
  }
}
