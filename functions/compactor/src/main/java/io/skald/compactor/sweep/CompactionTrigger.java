package io.skald.compactor.sweep;

import io.skald.compactor.SharedIndexer;
import io.skald.compactor.merge.DayCompactor;
import io.skald.index.IndexedSegment;
import io.skald.index.TenantDayIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts a tenant-day right after a batch indexed into it, when it now holds at least {@code
 * minSmallSegments} small segments: on a thread of its own, so the indexer can commit its events,
 * and under the index lock like every index writer. A day already queued is not queued twice.
 */
public final class CompactionTrigger implements SharedIndexer.FlushListener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CompactionTrigger.class);

  private record DayKey(String tenant, LocalDate day) {}

  private final SharedIndexer lock;
  private final DayCompactor compactor;
  private final long smallSegmentBytes;
  private final int minSmallSegments;
  private final CompactorMetrics metrics;
  private final Clock clock;
  private final Set<DayKey> queued = ConcurrentHashMap.newKeySet();
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "skald-compactor-trigger");
            t.setDaemon(true);
            return t;
          });

  public CompactionTrigger(
      SharedIndexer lock,
      DayCompactor compactor,
      long smallSegmentBytes,
      int minSmallSegments,
      CompactorMetrics metrics,
      Clock clock) {
    this.lock = lock;
    this.compactor = compactor;
    this.smallSegmentBytes = smallSegmentBytes;
    this.minSmallSegments = minSmallSegments;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public void flushed(List<TenantDayIndex> indexes) {
    Instant indexedAt = clock.instant();
    for (TenantDayIndex index : indexes) {
      if (countSmall(index) < minSmallSegments) {
        continue;
      }
      DayKey key = new DayKey(index.tenant(), index.day());
      if (queued.add(key)) {
        executor.execute(() -> compact(key, indexedAt));
      }
    }
  }

  private long countSmall(TenantDayIndex index) {
    return index.segments().stream()
        .mapToLong(IndexedSegment::size)
        .filter(s -> s < smallSegmentBytes)
        .count();
  }

  private void compact(DayKey key, Instant indexedAt) {
    queued.remove(key); // segments indexed from now on queue the day again
    try {
      DayCompactor.Stats s =
          lock.exclusively(
              () -> {
                try {
                  return compactor.compact(key.tenant(), key.day());
                } catch (io.skald.segment.CorruptSegmentException e) {
                  throw new CompactionSweep.UncheckedCorruptSegment(e);
                }
              });
      metrics.compacted(s);
      if (s.groupsSwapped() > 0) {
        metrics.lag(Duration.between(indexedAt, clock.instant()));
        LOG.debug(
            "compacted {}/{}: {} segments into {}",
            key.tenant(),
            key.day(),
            s.segmentsIn(),
            s.segmentsOut());
      }
    } catch (Exception e) {
      // The periodic sweep tries again.
      LOG.warn(
          "event-triggered compaction of {}/{} failed: {}", key.tenant(), key.day(), e.toString());
    }
  }

  /** Waits until queued compactions are done, for tests and shutdown. */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    java.util.concurrent.Future<?> marker = executor.submit(() -> {});
    try {
      marker.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      return false;
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
