package io.skald.compactor.catchup;

import io.skald.compactor.SegmentIndexer;
import io.skald.compactor.SharedIndexer;
import io.skald.events.v1.ObjectCreated;
import io.skald.index.CorruptIndexException;
import io.skald.index.IndexStore;
import io.skald.index.IndexedSegment;
import io.skald.layout.ObjectKeys;
import io.skald.storage.ObjectInfo;
import io.skald.storage.ObjectStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Heals lost {@code ObjectCreated} events: lists the segments of every tenant-day in the recent
 * window and indexes each one its index does not list (or lists with another size, i.e. before a
 * replay rewrote it), through the same {@link SegmentIndexer} and lock as the event paths.
 *
 * <p>Tenants are those with an index object. A tenant none of whose events ever arrived is
 * therefore not found here; the object store port has no delimiter listing that would find it
 * without listing every segment of the retention period.
 */
public final class IndexCatchUp {

  private static final Logger LOG = LoggerFactory.getLogger(IndexCatchUp.class);
  public static final String SOURCE = "catch-up";

  /** What one run did: tenant-days that had segments, segments indexed, tenant-days that failed. */
  public record Result(int tenantDays, int indexed, int failedTenantDays) {}

  private final ObjectStore store;
  private final IndexStore indexes;
  private final SharedIndexer indexer;
  private final RetiredSegments retired;
  private final Clock clock;
  private final Duration window;

  public IndexCatchUp(
      ObjectStore store,
      SharedIndexer indexer,
      RetiredSegments retired,
      Clock clock,
      Duration window) {
    this.store = store;
    this.indexes = new IndexStore(store);
    this.indexer = indexer;
    this.retired = retired;
    this.clock = clock;
    this.window = window;
  }

  /**
   * Throws only for trouble worth retrying (the store is unreachable); a corrupt index is skipped.
   */
  public Result run() throws IOException {
    Instant now = clock.instant();
    LocalDate first = LocalDate.ofInstant(now.minus(window), ZoneOffset.UTC);
    LocalDate last = LocalDate.ofInstant(now, ZoneOffset.UTC);
    int tenantDays = 0;
    int indexed = 0;
    int failed = 0;
    for (String tenant : tenants()) {
      for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
        List<ObjectInfo> segments = segments(tenant, day);
        if (segments.isEmpty()) {
          continue;
        }
        tenantDays++;
        try {
          indexed += catchUp(tenant, day, segments);
        } catch (CorruptIndexException e) {
          failed++;
          LOG.error(
              "catch-up skipped {}/{}: its index is corrupt: {}", tenant, day, e.getMessage());
        }
      }
    }
    if (indexed > 0) {
      LOG.info("catch-up indexed {} segments that no event announced", indexed);
    }
    return new Result(tenantDays, indexed, failed);
  }

  private int catchUp(String tenant, LocalDate day, List<ObjectInfo> segments)
      throws IOException, CorruptIndexException {
    Map<String, Long> known = new HashMap<>();
    for (IndexedSegment s : indexes.load(tenant, day).segments()) {
      known.put(s.key(), s.size());
    }
    Predicate<ObjectInfo> isRetired = retired.of(tenant, day);
    List<ObjectInfo> missing = new ArrayList<>();
    for (ObjectInfo s : segments) {
      Long size = known.get(s.key());
      if ((size == null || size != s.size()) && !isRetired.test(s)) {
        missing.add(s);
      }
    }
    if (missing.isEmpty()) {
      return 0;
    }
    return indexer.indexAndFlush(
        ix -> {
          int n = 0;
          for (ObjectInfo s : missing) {
            if (ix.index(event(s)) == SegmentIndexer.Outcome.INDEXED) {
              n++;
            }
          }
          return n;
        });
  }

  private ObjectCreated event(ObjectInfo s) {
    return ObjectCreated.newBuilder()
        .setBucket(store.bucket())
        .setKey(s.key())
        .setSize(s.size())
        .setETag(s.eTag())
        .setEventTimeMillis(s.lastModified().toEpochMilli())
        .setSource(SOURCE)
        .build();
  }

  /** Tenants that have at least one index object ({@code index/v1/<tenant>/<day>.json}). */
  private SortedSet<String> tenants() throws IOException {
    SortedSet<String> tenants = new TreeSet<>();
    for (ObjectInfo o : store.list(ObjectKeys.INDEX)) {
      ObjectKeys.tenantUnder(ObjectKeys.INDEX, o.key()).ifPresent(tenants::add);
    }
    return tenants;
  }

  private List<ObjectInfo> segments(String tenant, LocalDate day) throws IOException {
    List<ObjectInfo> out = new ArrayList<>();
    for (ObjectInfo o : store.list(ObjectKeys.segmentPrefix(tenant, day))) {
      if (ObjectKeys.parseSegment(o.key()).isPresent()) {
        out.add(o);
      }
    }
    return out;
  }
}
