package io.skald.compactor.merge;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.skald.layout.ObjectKeys;
import io.skald.storage.ObjectInfo;
import io.skald.storage.ObjectStore;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pending-deletes records as small JSON objects under {@code compactor/pending-deletes/} in the
 * segments bucket (the bucket whose objects they name), one per replacement id.
 */
public final class PendingDeleteStore {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int VERSION = 1;

  private final ObjectStore store;

  public PendingDeleteStore(ObjectStore store) {
    this.store = store;
  }

  public void save(PendingDelete record) throws IOException {
    store.put(record.objectKey(), encode(record));
  }

  public void delete(PendingDelete record) throws IOException {
    store.delete(record.objectKey());
  }

  public Optional<PendingDelete> load(String key) throws IOException {
    Optional<byte[]> bytes = store.get(key);
    return bytes.isEmpty() ? Optional.empty() : Optional.of(decode(bytes.get()));
  }

  /** Keys of all records (of one tenant, or of all when {@code tenant} is null). */
  public List<String> keys(String tenant) throws IOException {
    String prefix = ObjectKeys.pendingDeletesPrefix(tenant);
    List<String> keys = new ArrayList<>();
    for (ObjectInfo info : store.list(prefix)) {
      if (ObjectKeys.parsePendingDeletes(info.key()).isPresent()) {
        keys.add(info.key());
      }
    }
    return keys;
  }

  static byte[] encode(PendingDelete r) throws IOException {
    List<Json.Candidate> c =
        r.candidates().stream()
            .map(x -> new Json.Candidate(x.key(), x.eTag(), x.action().name()))
            .toList();
    return JSON.writeValueAsBytes(
        new Json(
            VERSION, r.tenant(), r.day().toString(), r.id(), r.deleteAfter().toEpochMilli(), c));
  }

  static PendingDelete decode(byte[] bytes) throws IOException {
    Json j = JSON.readValue(bytes, Json.class);
    if (j.version() != VERSION) {
      throw new IOException("unsupported pending-deletes version " + j.version());
    }
    List<PendingDelete.Candidate> c =
        j.candidates().stream()
            .map(
                x ->
                    new PendingDelete.Candidate(
                        x.key(), x.eTag(), PendingDelete.Action.valueOf(x.action())))
            .toList();
    return new PendingDelete(
        j.tenant(), LocalDate.parse(j.day()), j.id(), Instant.ofEpochMilli(j.deleteAfter()), c);
  }

  /** The stored shape; times in Unix milliseconds. */
  record Json(
      int version,
      String tenant,
      String day,
      String id,
      long deleteAfter,
      List<Candidate> candidates) {
    record Candidate(String key, String eTag, String action) {}
  }
}
