package io.skald.compactor.sweep;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.skald.compactor.CompactionSettings;
import io.skald.compactor.SharedIndexer;
import io.skald.compactor.catchup.IndexCatchUp;
import io.skald.compactor.catchup.PendingDeletesRetired;
import io.skald.compactor.deletion.DeleteProcessor;
import io.skald.compactor.merge.CompactionConfig;
import io.skald.compactor.merge.CompactionPlanner;
import io.skald.compactor.merge.DayCompactor;
import io.skald.compactor.merge.DelayedDeleter;
import io.skald.compactor.merge.IndexSwap;
import io.skald.compactor.merge.Quarantine;
import io.skald.compactor.merge.SegmentMerger;
import io.skald.compactor.retention.RetentionPolicy;
import io.skald.compactor.retention.RetentionSweeper;
import io.skald.deletes.AdminStore;
import io.skald.deletes.DeleteRequestStore;
import io.skald.deletes.DeletionConfig;
import io.skald.deletes.DeletionMode;
import io.skald.health.Targets;
import io.skald.index.IndexStore;
import io.skald.limits.TenantLimits;
import io.skald.storage.ObjectStore;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** Wires the framework-free merge, retention and deletion cores into the compactor target. */
@Factory
@Requires(property = "skald.target", pattern = Targets.COMPACTOR)
public class CompactionFactory {

  /** How far back a sweep looks for segments no event announced (as the cron tick did). */
  static final Duration CATCH_UP_WINDOW = Duration.ofDays(2);

  /** Processed delete requests keep filtering queries this long (Loki's default). */
  static final Duration INDEX_PROPAGATION = Duration.ofMinutes(15);

  @Singleton
  CompactionConfig compactionConfig(CompactionSettings s) {
    CompactionConfig d = CompactionConfig.defaults();
    return new CompactionConfig(
        s.minSegmentsToCompact(),
        s.smallSegmentBytes(),
        s.targetObjectBytes(),
        s.retentionDeleteDelay(),
        d.maxMergeRawBytes(),
        d.blockTargetBytes(),
        d.zstdLevel());
  }

  @Singleton
  DeletionConfig deletionConfig(CompactionSettings s) {
    return new DeletionConfig(
        s.deleteRequestCancelPeriod(), s.deleteMaxInterval(), INDEX_PROPAGATION);
  }

  @Singleton
  DeleteRequestStore deleteRequestStore(AdminStore admin, Clock clock, DeletionConfig config) {
    return new DeleteRequestStore(admin.store(), clock, config);
  }

  @Singleton
  CompactorMetrics compactorMetrics(MeterRegistry meters) {
    return new CompactorMetrics(meters);
  }

  @Singleton
  DayCompactor dayCompactor(
      ObjectStore store, CompactionConfig config, Clock clock, MeterRegistry meters) {
    IndexStore indexes = new IndexStore(store);
    return new DayCompactor(
        indexes,
        new CompactionPlanner(config),
        new SegmentMerger(store, config),
        new IndexSwap(store, clock, config.retentionDeleteDelay()),
        new Quarantine(indexes, meters));
  }

  @Singleton
  RetentionPolicy retentionPolicy(TenantLimits limits) {
    return new RetentionPolicy(limits);
  }

  @Singleton
  CompactionSweep compactionSweep(
      ObjectStore store,
      SharedIndexer lock,
      DayCompactor compactor,
      CompactionConfig config,
      CompactionSettings settings,
      RetentionPolicy policy,
      DeleteRequestStore requests,
      CompactorMetrics metrics,
      Clock clock) {
    SegmentMerger merger = new SegmentMerger(store, config);
    IndexSwap swap = new IndexSwap(store, clock, config.retentionDeleteDelay());
    RetentionSweeper retention =
        settings.retentionEnabled()
            ? new RetentionSweeper(store, policy, merger, swap, clock)
            : null;
    DeleteProcessor deletes =
        settings.retentionEnabled()
                && DeletionMode.parse(settings.deletionMode()).deletesPhysically()
            ? new DeleteProcessor(store, requests, merger, swap)
            : null;
    IndexCatchUp catchUp =
        new IndexCatchUp(store, lock, new PendingDeletesRetired(store), clock, CATCH_UP_WINDOW);
    CompactionSweep.Steps steps =
        new CompactionSweep.Steps(
            catchUp,
            compactor,
            retention,
            deletes,
            new DelayedDeleter(store, clock, config.retentionDeleteDelay()));
    return new CompactionSweep(store, lock, steps, requests, metrics, clock);
  }

  @Singleton
  @Bean(preDestroy = "close")
  CompactionTrigger compactionTrigger(
      SharedIndexer lock,
      DayCompactor compactor,
      CompactionConfig config,
      CompactionSettings settings,
      CompactorMetrics metrics,
      Clock clock) {
    CompactionTrigger trigger =
        new CompactionTrigger(
            lock,
            compactor,
            config.smallSegmentBytes(),
            config.minSegmentsToCompact(),
            metrics,
            clock);
    if (settings.compactOnIndex()) {
      lock.onFlush(trigger);
    }
    return trigger;
  }
}
