package io.skald.compactor.sweep;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.skald.compactor.deletion.DeleteProcessor;
import io.skald.compactor.merge.DayCompactor;
import io.skald.compactor.merge.DelayedDeleter;
import io.skald.compactor.retention.RetentionSweeper;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** The compactor's meters; Loki's names where Loki has one. */
public final class CompactorMetrics {

  private final Counter objectsBefore;
  private final Counter objectsAfter;
  private final Counter bytesRewritten;
  private final Counter duplicates;
  private final Timer lag;
  private final Counter retentionSegmentsDropped;
  private final Counter retentionSegmentsRewritten;
  private final Counter retentionStreamsExpired;
  private final Counter deleteRequestsProcessed;
  private final Counter linesDeleted;
  private final Counter objectsDeleted;
  private final Timer sweepDuration;
  private final AtomicLong lastSweep = new AtomicLong();

  public CompactorMetrics(MeterRegistry meters) {
    objectsBefore = meters.counter("skald_compactor_objects_before_total");
    objectsAfter = meters.counter("skald_compactor_objects_after_total");
    bytesRewritten = meters.counter("skald_compactor_bytes_rewritten_total");
    duplicates = meters.counter("skald_compactor_duplicates_dropped_total");
    lag =
        Timer.builder("skald_compactor_compaction_lag_seconds")
            .description("from indexing small segments to merging them")
            .register(meters);
    retentionSegmentsDropped = meters.counter("skald_compactor_retention_segments_dropped_total");
    retentionSegmentsRewritten =
        meters.counter("skald_compactor_retention_segments_rewritten_total");
    retentionStreamsExpired = meters.counter("skald_compactor_retention_streams_expired_total");
    deleteRequestsProcessed = meters.counter("loki_compactor_delete_requests_processed_total");
    linesDeleted = meters.counter("loki_compactor_deleted_lines");
    objectsDeleted = meters.counter("skald_compactor_objects_deleted_total");
    sweepDuration =
        Timer.builder("loki_compactor_compact_tables_operation_duration_seconds").register(meters);
    meters.gauge(
        "loki_compactor_compact_tables_operation_last_successful_run_timestamp_seconds",
        lastSweep,
        AtomicLong::doubleValue);
  }

  void compacted(DayCompactor.Stats s) {
    objectsBefore.increment(s.segmentsIn());
    objectsAfter.increment(s.segmentsOut());
    bytesRewritten.increment(s.bytesOut());
    duplicates.increment(s.duplicatesDropped());
  }

  void lag(Duration d) {
    lag.record(d);
  }

  void retention(RetentionSweeper.Stats s) {
    retentionSegmentsDropped.increment(s.segmentsDropped());
    retentionSegmentsRewritten.increment(s.segmentsRewritten());
    retentionStreamsExpired.increment(s.streamsExpired());
  }

  void deletes(DeleteProcessor.Stats s) {
    deleteRequestsProcessed.increment(s.requestsCompleted());
    linesDeleted.increment(s.linesDeleted());
  }

  void delayedDeletes(DelayedDeleter.Stats s) {
    objectsDeleted.increment(s.deleted());
  }

  void sweepDone(Duration took, long epochSecond) {
    sweepDuration.record(took);
    lastSweep.set(epochSecond);
  }
}
