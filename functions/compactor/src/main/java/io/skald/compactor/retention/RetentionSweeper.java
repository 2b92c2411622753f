package io.skald.compactor.retention;

import io.skald.compactor.merge.EntryFilter;
import io.skald.compactor.merge.IndexSwap;
import io.skald.compactor.merge.IndexedDays;
import io.skald.compactor.merge.InputRef;
import io.skald.compactor.merge.MergeResult;
import io.skald.compactor.merge.Replacement;
import io.skald.compactor.merge.ReplacementId;
import io.skald.compactor.merge.SegmentMerger;
import io.skald.index.CorruptIndexException;
import io.skald.index.IndexStore;
import io.skald.index.IndexedSegment;
import io.skald.index.TenantDayIndex;
import io.skald.segment.CorruptSegmentException;
import io.skald.segment.StreamInfo;
import io.skald.storage.NoSuchObjectException;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies retention to tenant-day indexes. A stream of a segment is expired when its newest entry
 * is older than {@code now - period} (its period from {@link RetentionPolicy}; zero never expires).
 * Segments whose streams are all expired leave the index in one swap per day; segments with some
 * expired streams are rewritten without them. Entries of a stream that is not wholly expired are
 * kept, like Loki keeps a chunk until its newest entry expires: trimming entries would rewrite the
 * same segment on every run as the cutoff moves.
 */
public final class RetentionSweeper {

  /** What one sweep did. */
  public record Stats(
      int segmentsDropped, int segmentsRewritten, int streamsExpired, long entriesRemoved) {
    Stats plus(Stats o) {
      return new Stats(
          segmentsDropped + o.segmentsDropped,
          segmentsRewritten + o.segmentsRewritten,
          streamsExpired + o.streamsExpired,
          entriesRemoved + o.entriesRemoved);
    }
  }

  private final ObjectStore store;
  private final IndexStore indexes;
  private final RetentionPolicy policy;
  private final SegmentMerger merger;
  private final IndexSwap swap;
  private final Clock clock;

  public RetentionSweeper(
      ObjectStore store,
      RetentionPolicy policy,
      SegmentMerger merger,
      IndexSwap swap,
      Clock clock) {
    this.store = store;
    this.indexes = new IndexStore(store);
    this.policy = policy;
    this.merger = merger;
    this.swap = swap;
    this.clock = clock;
  }

  /** Sweeps every indexed day of the tenant that can hold expired data. */
  public Stats sweepTenant(String tenant)
      throws IOException, CorruptIndexException, CorruptSegmentException {
    Optional<Duration> shortest = policy.shortestPeriod(tenant);
    Stats total = new Stats(0, 0, 0, 0);
    if (shortest.isEmpty()) {
      return total;
    }
    Instant horizon = clock.instant().minus(shortest.get());
    for (LocalDate day : IndexedDays.list(store, tenant)) {
      if (day.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(horizon)) {
        total = total.plus(sweep(tenant, day));
      }
    }
    return total;
  }

  public Stats sweep(String tenant, LocalDate day)
      throws IOException, CorruptIndexException, CorruptSegmentException {
    TenantDayIndex index = indexes.load(tenant, day);
    long now = toNanos(clock.instant());
    Map<String, Duration> periods = new HashMap<>();
    List<InputRef> dropped = new ArrayList<>();
    List<Map.Entry<IndexedSegment, Set<String>>> rewrites = new ArrayList<>();
    int streamsExpired = 0;
    long entriesRemoved = 0;
    for (IndexedSegment seg : index.segments()) {
      Set<String> expired = new TreeSet<>();
      long expiredEntries = 0;
      for (StreamInfo s : seg.streams()) {
        Duration p = periods.computeIfAbsent(s.labels(), l -> policy.periodFor(tenant, l));
        if (expired(s.maxTimeNanos(), now, p)) {
          expired.add(s.labels());
          expiredEntries += s.entries();
        }
      }
      if (expired.isEmpty()) {
        continue;
      }
      Optional<ObjectInfo> info = store.head(seg.key());
      if (info.isEmpty()) {
        continue; // a dangling index entry is for index repair, not retention
      }
      streamsExpired += expired.size();
      entriesRemoved += expiredEntries;
      if (expired.size() == seg.streams().size()) {
        dropped.add(new InputRef(seg.key(), info.get().eTag()));
      } else {
        rewrites.add(Map.entry(seg, expired));
      }
    }
    int rewritten = 0;
    if (!dropped.isEmpty()) {
      String id = ReplacementId.of("retention-drop", dropped, "");
      swap.commit(new Replacement(tenant, day, id, dropped, List.of()));
    }
    for (Map.Entry<IndexedSegment, Set<String>> r : rewrites) {
      if (rewrite(tenant, day, r.getKey(), r.getValue())) {
        rewritten++;
      }
    }
    return new Stats(dropped.size(), rewritten, streamsExpired, entriesRemoved);
  }

  private boolean rewrite(String tenant, LocalDate day, IndexedSegment seg, Set<String> expired)
      throws IOException, CorruptIndexException, CorruptSegmentException {
    EntryFilter filter =
        labels ->
            expired.contains(labels)
                ? EntryFilter.StreamFilter.DROP_ALL
                : EntryFilter.StreamFilter.KEEP_ALL;
    MergeResult result;
    try {
      result =
          merger.merge(
              tenant, day, "retention", String.join("\n", expired), List.of(seg.key()), filter);
    } catch (NoSuchObjectException e) {
      return false;
    }
    return swap.commit(result.replacement()) == IndexSwap.Outcome.SWAPPED;
  }

  /** Loki's rule: expired once {@code now - newest > period}; zero means never. */
  static boolean expired(long newestNanos, long nowNanos, Duration period) {
    if (period.isZero() || period.getSeconds() > Long.MAX_VALUE / 2_000_000_000L) {
      return false; // zero keeps forever; centuries cannot have passed since 1970
    }
    return newestNanos < nowNanos - period.toNanos();
  }

  static long toNanos(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
  }
}
