package io.skald.compactor.sweep;

import io.skald.compactor.SharedIndexer;
import io.skald.compactor.catchup.IndexCatchUp;
import io.skald.compactor.deletion.DeleteProcessor;
import io.skald.compactor.merge.DayCompactor;
import io.skald.compactor.merge.DelayedDeleter;
import io.skald.compactor.merge.IndexedDays;
import io.skald.compactor.retention.RetentionSweeper;
import io.skald.deletes.DeleteRequestStore;
import io.skald.index.CorruptIndexException;
import io.skald.layout.ObjectKeys;
import io.skald.segment.CorruptSegmentException;
import io.skald.storage.ObjectInfo;
import io.skald.storage.ObjectStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.SortedSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One periodic pass of the compactor: index catch-up, then merge every tenant-day, then retention
 * (when enabled), then delete requests (when deleting physically), then delayed deletion. Each step
 * that writes indexes holds the process's index lock ({@link SharedIndexer#exclusively}), one
 * tenant-day or tenant at a time, so event indexing interleaves with a long sweep.
 */
public final class CompactionSweep {

  private static final Logger LOG = LoggerFactory.getLogger(CompactionSweep.class);

  /** What one pass did. */
  public record Result(
      int tenantDaysIndexed,
      long segmentsIndexed,
      long segmentsMerged,
      long segmentsWritten,
      int retentionSegmentsRemoved,
      int deletePiecesProcessed,
      int objectsDeleted,
      int failures) {

    public String summary() {
      return "caught up: "
          + segmentsIndexed
          + " segments indexed in "
          + tenantDaysIndexed
          + " tenant-days; merged "
          + segmentsMerged
          + " segments into "
          + segmentsWritten
          + "; retention removed "
          + retentionSegmentsRemoved
          + "; "
          + deletePiecesProcessed
          + " delete pieces processed; "
          + objectsDeleted
          + " objects deleted"
          + (failures > 0 ? "; " + failures + " failed" : "");
    }
  }

  /**
   * The steps of a pass, in the order they run.
   *
   * @param retention null when retention is off
   * @param deletes null when delete requests are not processed physically
   */
  public record Steps(
      IndexCatchUp catchUp,
      DayCompactor compactor,
      RetentionSweeper retention,
      DeleteProcessor deletes,
      DelayedDeleter deleter) {}

  private final ObjectStore store;
  private final SharedIndexer lock;
  private final IndexCatchUp catchUp;
  private final DayCompactor compactor;
  private final RetentionSweeper retention;
  private final DeleteProcessor deletes;
  private final DeleteRequestStore requests;
  private final DelayedDeleter deleter;
  private final CompactorMetrics metrics;
  private final Clock clock;

  /**
   * @param requests the delete requests, whose tenants the deletes step visits
   */
  public CompactionSweep(
      ObjectStore store,
      SharedIndexer lock,
      Steps steps,
      DeleteRequestStore requests,
      CompactorMetrics metrics,
      Clock clock) {
    this.store = store;
    this.lock = lock;
    this.catchUp = steps.catchUp();
    this.compactor = steps.compactor();
    this.retention = steps.retention();
    this.deletes = steps.deletes();
    this.requests = requests;
    this.deleter = steps.deleter();
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Runs every step; throws only for trouble worth retrying (the store is unreachable). */
  public synchronized Result run() throws IOException {
    Instant started = clock.instant();
    IndexCatchUp.Result caught = catchUp.run();
    long[] merged = new long[2];
    int failures = caught.failedTenantDays();
    int retentionRemoved = 0;
    int pieces = 0;
    for (String tenant : tenants(store)) {
      for (LocalDate day : IndexedDays.list(store, tenant)) {
        try {
          DayCompactor.Stats s = lock.exclusively(() -> compact(tenant, day));
          metrics.compacted(s);
          merged[0] += s.segmentsIn();
          merged[1] += s.segmentsOut();
        } catch (CorruptIndexException | UncheckedCorruptSegment e) {
          failures++;
          LOG.error("cannot compact {}/{}: {}", tenant, day, e.getMessage());
        }
      }
      if (retention != null) {
        try {
          RetentionSweeper.Stats s = lock.exclusively(() -> sweep(tenant));
          metrics.retention(s);
          retentionRemoved += s.segmentsDropped() + s.segmentsRewritten();
        } catch (CorruptIndexException | UncheckedCorruptSegment e) {
          failures++;
          LOG.error("cannot apply retention to {}: {}", tenant, e.getMessage());
        }
      }
    }
    if (deletes != null) {
      for (String tenant : requests.tenants()) {
        try {
          DeleteProcessor.Stats s = lock.exclusively(() -> processDeletes(tenant));
          metrics.deletes(s);
          pieces += s.piecesProcessed();
        } catch (CorruptIndexException | UncheckedCorruptSegment e) {
          failures++;
          LOG.error("cannot process delete requests of {}: {}", tenant, e.getMessage());
        }
      }
    }
    DelayedDeleter.Stats d;
    try {
      d = lock.exclusively(() -> deleter.run(null));
    } catch (CorruptIndexException e) {
      throw new IllegalStateException(e); // the deleter handles corrupt indexes itself
    }
    metrics.delayedDeletes(d);
    Instant done = clock.instant();
    metrics.sweepDone(Duration.between(started, done), done.getEpochSecond());
    return new Result(
        caught.tenantDays(),
        caught.indexed(),
        merged[0],
        merged[1],
        retentionRemoved,
        pieces,
        d.deleted(),
        failures);
  }

  private DayCompactor.Stats compact(String tenant, LocalDate day)
      throws IOException, CorruptIndexException {
    try {
      return compactor.compact(tenant, day);
    } catch (CorruptSegmentException e) {
      throw new UncheckedCorruptSegment(e);
    }
  }

  private RetentionSweeper.Stats sweep(String tenant) throws IOException, CorruptIndexException {
    try {
      return retention.sweepTenant(tenant);
    } catch (CorruptSegmentException e) {
      throw new UncheckedCorruptSegment(e);
    }
  }

  private DeleteProcessor.Stats processDeletes(String tenant)
      throws IOException, CorruptIndexException {
    try {
      return deletes.process(tenant);
    } catch (CorruptSegmentException e) {
      throw new UncheckedCorruptSegment(e);
    }
  }

  /** Tenants that have at least one index object. */
  static SortedSet<String> tenants(ObjectStore store) throws IOException {
    SortedSet<String> tenants = new TreeSet<>();
    for (ObjectInfo o : store.list(ObjectKeys.INDEX)) {
      ObjectKeys.tenantUnder(ObjectKeys.INDEX, o.key()).ifPresent(tenants::add);
    }
    return tenants;
  }

  /**
   * Carries a corrupt segment through {@link SharedIndexer.Work}, which allows only index failures.
   */
  static final class UncheckedCorruptSegment extends RuntimeException {
    UncheckedCorruptSegment(CorruptSegmentException e) {
      super(e.getMessage(), e);
    }
  }
}
