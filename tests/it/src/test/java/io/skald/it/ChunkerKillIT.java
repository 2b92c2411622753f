package io.skald.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skald.harness.SharedServers;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The chunker is the only process holding entries that are durable in Kafka but not yet in S3.
 * SIGKILL it while several clients keep pushing, restart it, and every acknowledged line is read
 * back exactly once: it resumes from the last committed offsets and rewrites the same keys.
 */
class ChunkerKillIT {

  private static final int CLIENTS = 4;
  private static final int LINES_PER_PUSH = 20;

  /** Pushes acknowledged while the chunker is down, and again after its restart. */
  private static final int PUSHES_PER_PHASE =
      Integer.getInteger("skald.it.chunker-kill.pushes", 100);

  @Test
  void everyAcknowledgedLineIsReadBackExactlyOnceAfterTheChunkerIsKilled() throws Exception {
    long base = System.currentTimeMillis() * 1_000_000L - 600_000_000_000L;
    try (SkaldCluster cluster =
            SkaldCluster.start("chunkerkill", SharedServers.kafka(), SharedServers.s3(), Map.of());
        PushLoad load =
            PushLoad.start(cluster.ingest().uri(), "chunker-kill", CLIENTS, LINES_PER_PUSH, base)) {
      String querier = cluster.querier().url();
      // The whole path works before the fault: something pushed is already queryable.
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .ignoreExceptions()
          .until(
              () ->
                  LokiQueries.countEntries(
                          querier, load.selector(), base, base + 3_600_000_000_000L, 10)
                      > 0);

      long t0 = System.nanoTime();
      cluster.chunker().kill();
      long killedAt = System.nanoTime();
      // Ingest does not depend on the chunker: pushes keep being acknowledged while it is down.
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> load.acknowledgedPushesSince(killedAt) >= PUSHES_PER_PHASE);
      long pushesWhileDown = load.acknowledgedPushesSince(killedAt);
      cluster.chunker().restart();
      long restartedAt = System.nanoTime();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> load.acknowledgedPushesSince(restartedAt) >= PUSHES_PER_PHASE);
      load.stop();
      System.out.printf(
          "chunker kill -9: down for %d ms (restart included), %d pushes acknowledged meanwhile%n",
          (restartedAt - t0) / 1_000_000, pushesWhileDown);

      assertThat(load.pushes(p -> p.status() != 204)).as("pushes not acknowledged").isEmpty();
      long end = base + 3_600_000_000_000L;
      var seen =
          ReadBack.awaitAll(
              querier, load.selector(), base, end, load.acknowledged(), Duration.ofSeconds(90));
      // The restarted chunker consumed from the last commit: what it read beyond the lines pushed
      // after the kill had been consumed, but not committed, by the killed one.
      long pushedAfterKill =
          load.pushes(p -> p.startNanos() >= killedAt).stream()
              .mapToLong(p -> p.lines().size())
              .sum();
      long consumed =
          (long) Probes.metric(cluster.chunker(), "skald_chunker_entries_consumed_total");
      System.out.printf(
          "chunker kill -9: the restarted chunker consumed %d entries, %d of them replayed from before the kill%n",
          consumed, consumed - pushedAfterKill);
      ReadBack.assertExactlyOnce(
          "chunker kill -9",
          load.acknowledged(),
          seen,
          ReadBack.storedEntries(querier, load.selector(), base, end));
    }
  }
}
