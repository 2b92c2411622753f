package io.skald.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skald.harness.S3Server;
import io.skald.harness.SharedServers;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The object store goes away while clients keep pushing. Kafka is up, so every push is still
 * acknowledged; the chunker keeps its entries, retries its writes with backoff and reports itself
 * not ready; once S3 is back nothing acknowledged is missing and nothing is doubled.
 *
 * <p>The outage lasts until the clients have had {@code skald.it.s3-outage.pushes} pushes
 * acknowledged and the chunker has failed {@code skald.it.s3-outage.flush-failures} writes, and at
 * least {@code skald.it.s3-outage} (default 3s; the scenario is 30s).
 */
class S3OutageIT {

  private static final int CLIENTS = 3;
  private static final int LINES_PER_PUSH = 20;
  private static final Duration OUTAGE =
      Duration.parse("PT" + System.getProperty("skald.it.s3-outage", "3s").toUpperCase());
  private static final int OUTAGE_PUSHES = Integer.getInteger("skald.it.s3-outage.pushes", 100);
  private static final int OUTAGE_FLUSH_FAILURES =
      Integer.getInteger("skald.it.s3-outage.flush-failures", 3);
  private static final String FLUSH_FAILURES = "skald_chunker_flush_failures_total";

  @Test
  void pushesAreAcknowledgedThroughAnS3OutageAndNothingIsLost() throws Exception {
    long base = System.currentTimeMillis() * 1_000_000L - 600_000_000_000L;
    long end = base + 3_600_000_000_000L;
    try (S3Server s3 = S3Server.start();
        SkaldCluster cluster = SkaldCluster.start("s3outage", SharedServers.kafka(), s3, Map.of());
        PushLoad load =
            PushLoad.start(cluster.ingest().uri(), "s3-outage", CLIENTS, LINES_PER_PUSH, base)) {
      String querier = cluster.querier().url();
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .ignoreExceptions()
          .until(() -> LokiQueries.countEntries(querier, load.selector(), base, end, 10) > 0);
      assertThat(Probes.ready(cluster.chunker()).ok()).isTrue();
      double failuresBefore = Probes.metric(cluster.chunker(), FLUSH_FAILURES);

      s3.stop();
      long downAt = System.nanoTime();
      // Readiness follows the dependency: the chunker (which writes objects) is not ready, the
      // ingest process (which does not touch objects) still is.
      await()
          .atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> !Probes.ready(cluster.chunker()).ok());
      Probes.Ready chunkerDown = Probes.ready(cluster.chunker());
      System.out.printf(
          "S3 outage: chunker /ready %d:%n%s", chunkerDown.status(), chunkerDown.body());
      assertThat(chunkerDown.status()).isEqualTo(503);
      assertThat(chunkerDown.body())
          .startsWith("Some services are not Running:\n")
          .contains("object store: not reachable");
      assertThat(Probes.ready(cluster.ingest()).ok()).as("ingest does not use S3").isTrue();

      await()
          .atMost(OUTAGE.plusSeconds(120))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  load.acknowledgedPushesSince(downAt) >= OUTAGE_PUSHES
                      && Probes.metric(cluster.chunker(), FLUSH_FAILURES) - failuresBefore
                          >= OUTAGE_FLUSH_FAILURES
                      && System.nanoTime() - downAt >= OUTAGE.toNanos());
      long outageMs = (System.nanoTime() - downAt) / 1_000_000;
      long pushesDuringOutage = load.acknowledgedPushesSince(downAt);
      double failedWrites = Probes.metric(cluster.chunker(), FLUSH_FAILURES) - failuresBefore;
      assertThat(Probes.ready(cluster.chunker()).status()).isEqualTo(503);

      s3.restart();
      long upAt = System.nanoTime();
      await()
          .atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> Probes.ready(cluster.chunker()).ok());
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> load.acknowledgedPushesSince(upAt) >= OUTAGE_PUSHES);
      load.stop();
      System.out.printf(
          "S3 outage: %d ms down, %d pushes acknowledged meanwhile, %.0f failed chunker writes retried%n",
          outageMs, pushesDuringOutage, failedWrites);

      assertThat(load.pushes(p -> p.status() != 204))
          .as("pushes not acknowledged while Kafka was up")
          .isEmpty();
      ReadBack.assertExactlyOnce(
          "S3 outage", querier, load.selector(), base, end, load.acknowledged());
    }
  }
}
