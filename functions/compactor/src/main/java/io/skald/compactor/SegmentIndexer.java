package io.skald.compactor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.skald.events.v1.ObjectCreated;
import io.skald.index.CorruptIndexException;
import io.skald.index.IndexStore;
import io.skald.index.IndexedSegment;
import io.skald.index.ObjectRangeSource;
import io.skald.index.TenantDayIndex;
import io.skald.layout.ObjectKeys;
import io.skald.layout.ObjectKeys.TenantDayKey;
import io.skald.segment.CorruptSegmentException;
import io.skald.segment.SegmentFooter;
import io.skald.segment.SegmentReader;
import io.skald.storage.ObjectInfo;
import io.skald.storage.ObjectStore;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds newly created segments to their tenant-day index. Indexes touched by a batch of events are
 * kept in memory and written once per batch ({@link #flush()}), before the events are committed.
 */
public final class SegmentIndexer {

  private static final Logger LOG = LoggerFactory.getLogger(SegmentIndexer.class);

  /** What happened to one event; anything but INDEXED or SKIPPED is dead-lettered by the caller. */
  public enum Outcome {
    INDEXED,
    SKIPPED,
    NOT_A_SEGMENT,
    FOREIGN_BUCKET,
    CORRUPT
  }

  private record DayKey(String tenant, LocalDate day) {}

  private final IndexStore indexes;
  private final ObjectStore objects;
  private final Map<DayKey, TenantDayIndex> loaded = new HashMap<>();
  private final Set<DayKey> dirty = new LinkedHashSet<>();
  private final Counter indexed;
  private final Counter corrupt;
  private final io.skald.compactor.merge.Quarantine quarantine;

  public SegmentIndexer(IndexStore indexes, MeterRegistry meters) {
    this.indexes = indexes;
    this.objects = indexes.objects();
    this.indexed = meters.counter("skald_compactor_segments_indexed_total");
    this.corrupt = meters.counter("skald_compactor_corrupt_objects_total");
    this.quarantine = new io.skald.compactor.merge.Quarantine(indexes, meters);
  }

  public Outcome index(ObjectCreated event) throws IOException, CorruptIndexException {
    if (!event.getBucket().equals(objects.bucket())) {
      return Outcome.FOREIGN_BUCKET;
    }
    Optional<TenantDayKey> key = ObjectKeys.parseSegment(event.getKey());
    if (key.isEmpty()) {
      return Outcome.NOT_A_SEGMENT;
    }
    if (ObjectKeys.isCompacted(event.getKey())) {
      // The compactor indexes its outputs in the swap; re-indexing one a later merge already
      // replaced would bring a superseded object back (docs/compaction.md).
      return Outcome.SKIPPED;
    }
    // The event may be older than the object (a replay overwrote it): read what is there now.
    Optional<ObjectInfo> info = objects.head(event.getKey());
    if (info.isEmpty()) {
      LOG.debug("segment {} is gone; nothing to index", event.getKey());
      return Outcome.SKIPPED;
    }
    SegmentFooter footer;
    try {
      footer =
          SegmentReader.readFooter(
              new ObjectRangeSource(objects, event.getKey(), info.get().size()));
    } catch (CorruptSegmentException e) {
      corrupt.increment();
      LOG.error("segment {} is corrupt and was not indexed: {}", event.getKey(), e.getMessage());
      quarantine(key.get(), e.getMessage());
      return Outcome.CORRUPT;
    }
    DayKey day = new DayKey(key.get().tenant(), key.get().day());
    TenantDayIndex index = loaded.get(day);
    if (index == null) {
      index = indexes.load(day.tenant(), day.day());
      loaded.put(day, index);
    }
    index.put(new IndexedSegment(event.getKey(), info.get().size(), footer.streams()));
    dirty.add(day);
    indexed.increment();
    return Outcome.INDEXED;
  }

  /**
   * Why an event with this outcome must be dead-lettered, or null when it was handled. One text for
   * the bus loop and the CloudEvents endpoint, so an operator sees the same reasons.
   */
  public static String deadLetterReason(Outcome outcome, ObjectCreated event) {
    return switch (outcome) {
      case INDEXED, SKIPPED -> null;
      case NOT_A_SEGMENT -> "not a segment key: " + event.getKey();
      case FOREIGN_BUCKET -> "object in foreign bucket: " + event.getBucket();
      case CORRUPT -> "corrupt segment: " + event.getKey();
    };
  }

  /**
   * Forgets unflushed changes and cached indexes after a failure, so the next flush cannot write a
   * copy that is stale by then (another writer may have changed the index in between).
   */
  public void discard() {
    dirty.clear();
    loaded.clear();
  }

  /**
   * Moves a corrupt segment aside so catch-up and rebuilds do not trip over it again; an older good
   * version of the key may be in the index, so its entry goes too.
   */
  private void quarantine(TenantDayKey key, String reason)
      throws IOException, CorruptIndexException {
    quarantine.moveAside(key.key(), reason);
    DayKey day = new DayKey(key.tenant(), key.day());
    TenantDayIndex index = loaded.get(day);
    if (index == null) {
      index = indexes.load(day.tenant(), day.day());
      loaded.put(day, index);
    }
    if (index.remove(key.key())) {
      dirty.add(day);
    }
  }

  /** Writes every index changed since the last flush and returns them. */
  public List<TenantDayIndex> flush() throws IOException {
    List<TenantDayIndex> written = new ArrayList<>();
    for (DayKey day : dirty) {
      indexes.save(loaded.get(day));
      written.add(loaded.get(day));
    }
    dirty.clear();
    // Another compactor instance may own this tenant next; do not serve stale copies later.
    loaded.clear();
    return written;
  }
}
