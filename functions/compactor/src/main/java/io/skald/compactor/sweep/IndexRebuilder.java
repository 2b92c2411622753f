package io.skald.compactor.sweep;

import io.skald.compactor.merge.PendingDelete;
import io.skald.compactor.merge.PendingDeleteStore;
import io.skald.index.IndexStore;
import io.skald.index.IndexedSegment;
import io.skald.index.ObjectRangeSource;
import io.skald.index.TenantDayIndex;
import io.skald.layout.ObjectKeys;
import io.skald.segment.CorruptSegmentException;
import io.skald.segment.SegmentFooter;
import io.skald.segment.SegmentReader;
import io.skald.storage.ObjectInfo;
import io.skald.storage.ObjectStore;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Disaster recovery: writes every tenant-day index afresh from the objects alone. Lists {@code
 * segments/}, reads each footer, and indexes every segment except those a pending-deletes record
 * retired ({@code DELETE} candidates with the same version tag: they left the index in a swap and
 * wait for their delayed deletion). Chunker and compactor outputs alike are indexed; an interrupted
 * swap may leave both inputs and outputs indexed, which queries deduplicate and the next compaction
 * merges. Run it with no compactor running.
 */
public final class IndexRebuilder {

  private static final Logger LOG = LoggerFactory.getLogger(IndexRebuilder.class);

  /** What a rebuild did. */
  public record Result(
      int tenantDays, int segmentsIndexed, int segmentsRetired, int segmentsCorrupt) {}

  private record Day(String tenant, LocalDate day) implements Comparable<Day> {
    @Override
    public int compareTo(Day o) {
      int c = tenant.compareTo(o.tenant);
      return c != 0 ? c : day.compareTo(o.day);
    }
  }

  private final ObjectStore store;
  private final IndexStore indexes;
  private final PendingDeleteStore pending;

  public IndexRebuilder(ObjectStore store) {
    this.store = store;
    this.indexes = new IndexStore(store);
    this.pending = new PendingDeleteStore(store);
  }

  public Result run() throws IOException {
    Map<Day, List<ObjectInfo>> byDay = new TreeMap<>();
    for (ObjectInfo o : store.list(ObjectKeys.SEGMENTS)) {
      ObjectKeys.parseSegment(o.key())
          .ifPresent(
              k ->
                  byDay
                      .computeIfAbsent(new Day(k.tenant(), k.day()), d -> new ArrayList<>())
                      .add(o));
    }
    Map<String, String> retired = retired();
    int indexed = 0;
    int skipped = 0;
    int corrupt = 0;
    for (Map.Entry<Day, List<ObjectInfo>> e : byDay.entrySet()) {
      TenantDayIndex index = TenantDayIndex.empty(e.getKey().tenant(), e.getKey().day());
      for (ObjectInfo o : e.getValue()) {
        if (o.eTag() != null && o.eTag().equals(retired.get(o.key()))) {
          skipped++;
          continue;
        }
        Optional<SegmentFooter> footer = footer(o);
        if (footer.isEmpty()) {
          corrupt++;
          continue;
        }
        index.put(new IndexedSegment(o.key(), o.size(), footer.get().streams()));
        indexed++;
      }
      indexes.save(index);
    }
    LOG.info(
        "rebuilt {} tenant-day indexes: {} segments indexed, {} retired, {} corrupt",
        byDay.size(),
        indexed,
        skipped,
        corrupt);
    return new Result(byDay.size(), indexed, skipped, corrupt);
  }

  /** Key → version tag of every DELETE candidate of every pending-deletes record. */
  private Map<String, String> retired() throws IOException {
    Map<String, String> out = new HashMap<>();
    for (String key : pending.keys(null)) {
      Optional<PendingDelete> record = pending.load(key);
      record.ifPresent(
          r ->
              r.candidates().stream()
                  .filter(c -> c.action() == PendingDelete.Action.DELETE && c.eTag() != null)
                  .forEach(c -> out.put(c.key(), c.eTag())));
    }
    return out;
  }

  private Optional<SegmentFooter> footer(ObjectInfo o) throws IOException {
    try {
      return Optional.of(SegmentReader.readFooter(new ObjectRangeSource(store, o.key(), o.size())));
    } catch (CorruptSegmentException e) {
      LOG.error("segment {} is corrupt and was not indexed: {}", o.key(), e.getMessage());
      return Optional.empty();
    }
  }
}
