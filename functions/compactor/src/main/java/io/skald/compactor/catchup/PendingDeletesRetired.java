package io.skald.compactor.catchup;

import io.skald.compactor.merge.PendingDelete;
import io.skald.compactor.merge.PendingDeleteStore;
import io.skald.layout.ObjectKeys;
import io.skald.storage.ObjectInfo;
import io.skald.storage.ObjectStore;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Retired segments as the compactor's pending-deletes records name them. Any object a record names
 * is either still referenced by the index (nothing to catch up) or garbage waiting for its delay,
 * so none is re-indexed; a record's version tag limits that to the version it saw, so a chunker
 * replay that rewrote the key later is indexed again.
 */
public final class PendingDeletesRetired implements RetiredSegments {

  private static final String ANY_VERSION = "";

  private final PendingDeleteStore records;

  public PendingDeletesRetired(ObjectStore store) {
    this.records = new PendingDeleteStore(store);
  }

  @Override
  public Predicate<ObjectInfo> of(String tenant, LocalDate day) throws IOException {
    Map<String, String> retired = new HashMap<>();
    for (String key : records.keys(tenant)) {
      if (!ObjectKeys.parsePendingDeletes(key).map(k -> k.day().equals(day)).orElse(false)) {
        continue;
      }
      Optional<PendingDelete> record = records.load(key);
      record.ifPresent(
          r ->
              r.candidates()
                  .forEach(c -> retired.put(c.key(), c.eTag() == null ? ANY_VERSION : c.eTag())));
    }
    return segment -> {
      String eTag = retired.get(segment.key());
      return eTag != null && (eTag.equals(ANY_VERSION) || eTag.equals(segment.eTag()));
    };
  }
}
