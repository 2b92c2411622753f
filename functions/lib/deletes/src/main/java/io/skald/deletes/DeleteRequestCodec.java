package io.skald.deletes;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** The stored JSON of one delete request (our own shape, versioned; not the API's). */
final class DeleteRequestCodec {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int VERSION = 1;

  private DeleteRequestCodec() {}

  record Stored(
      int version,
      @JsonProperty("request_id") String requestId,
      String tenant,
      String query,
      @JsonProperty("start_ns") long startNanos,
      @JsonProperty("end_ns") long endNanos,
      @JsonProperty("created_at_ms") long createdAtMillis,
      @JsonProperty("processed_at_ms") Long processedAtMillis,
      List<Shard> shards) {}

  record Shard(
      @JsonProperty("start_ns") long startNanos,
      @JsonProperty("end_ns") long endNanos,
      boolean processed) {}

  static byte[] encode(DeleteRequest r) throws IOException {
    List<Shard> shards =
        r.shards().stream()
            .map(s -> new Shard(s.startNanos(), s.endNanos(), s.processed()))
            .toList();
    return JSON.writeValueAsBytes(
        new Stored(
            VERSION,
            r.requestId(),
            r.tenant(),
            r.query(),
            r.startNanos(),
            r.endNanos(),
            r.createdAt().toEpochMilli(),
            r.processedAt() == null ? null : r.processedAt().toEpochMilli(),
            shards));
  }

  static DeleteRequest decode(byte[] bytes) throws IOException {
    Stored s = JSON.readValue(bytes, Stored.class);
    if (s.version() != VERSION) {
      throw new IOException("unsupported delete request version " + s.version());
    }
    List<DeleteShard> shards =
        s.shards().stream()
            .map(x -> new DeleteShard(x.startNanos(), x.endNanos(), x.processed()))
            .toList();
    return new DeleteRequest(
        s.requestId(),
        s.tenant(),
        s.query(),
        s.startNanos(),
        s.endNanos(),
        Instant.ofEpochMilli(s.createdAtMillis()),
        shards,
        s.processedAtMillis() == null ? null : Instant.ofEpochMilli(s.processedAtMillis()));
  }
}
