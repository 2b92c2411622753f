package io.skald.compactor.merge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.skald.index.CorruptIndexException;
import io.skald.index.IndexStore;
import io.skald.index.TenantDayIndex;
import io.skald.layout.ObjectKeys;
import io.skald.storage.ObjectStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a corrupt or truncated segment aside ({@code quarantine/<key>}, with a {@code .reason}
 * object next to it) and out of its index, so compaction of everything else goes on and an operator
 * can inspect it. Callers hold the index lock.
 */
public final class Quarantine {

  private static final Logger LOG = LoggerFactory.getLogger(Quarantine.class);

  private final IndexStore indexes;
  private final Counter quarantined;

  public Quarantine(IndexStore indexes, MeterRegistry meters) {
    this.indexes = indexes;
    this.quarantined = meters.counter("skald_compactor_quarantined_objects_total");
  }

  /** Copies the object aside, deletes it and drops it from its tenant-day index. */
  public void quarantine(String key, String reason) throws IOException, CorruptIndexException {
    moveAside(key, reason);
    Optional<ObjectKeys.TenantDayKey> parsed = ObjectKeys.parseSegment(key);
    if (parsed.isPresent()) {
      TenantDayIndex index = indexes.load(parsed.get().tenant(), parsed.get().day());
      if (index.remove(key)) {
        indexes.save(index);
      }
    }
  }

  /** Copies the object aside and deletes it; the caller updates any index it holds. */
  public void moveAside(String key, String reason) throws IOException {
    ObjectStore store = indexes.objects();
    Optional<byte[]> bytes = store.get(key);
    if (bytes.isPresent()) {
      store.put(ObjectKeys.quarantined(key), bytes.get());
      store.put(ObjectKeys.quarantineReason(key), reason.getBytes(StandardCharsets.UTF_8));
      store.delete(key);
    }
    quarantined.increment();
    LOG.error("quarantined corrupt object {} as {}: {}", key, ObjectKeys.quarantined(key), reason);
  }
}
