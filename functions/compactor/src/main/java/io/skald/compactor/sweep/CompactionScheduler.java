package io.skald.compactor.sweep;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.skald.compactor.CompactionSettings;
import io.skald.health.Targets;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link CompactionSweep} every {@code skald.compactor.compaction-interval} in processes
 * with the compactor target (zero: only cron ticks run it), and arms the event-triggered
 * compaction. A sweep that fails is logged and tried again at the next interval.
 */
@Context
@Requires(property = "skald.target", pattern = Targets.COMPACTOR)
public final class CompactionScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(CompactionScheduler.class);

  private final ScheduledExecutorService executor;

  public CompactionScheduler(
      CompactionSweep sweep, CompactionTrigger trigger, CompactionSettings settings) {
    Duration interval = settings.compactionInterval();
    if (interval.isZero() || interval.isNegative()) {
      executor = null;
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "skald-compactor-sweep");
              t.setDaemon(true);
              return t;
            });
    executor.scheduleWithFixedDelay(
        () -> runOnce(sweep), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  static void runOnce(CompactionSweep sweep) {
    try {
      CompactionSweep.Result r = sweep.run();
      LOG.debug("compaction sweep: {}", r.summary());
    } catch (Exception e) {
      LOG.warn("compaction sweep failed (retried at the next interval): {}", e.toString());
    }
  }

  @PreDestroy
  void stop() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
