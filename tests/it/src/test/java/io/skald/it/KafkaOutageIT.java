package io.skald.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skald.harness.KafkaBroker;
import io.skald.harness.SharedServers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Kafka is the write-ahead log: while it is down nothing can be made durable, so every push must be
 * refused with 503 within the bus timeout, never acknowledged. Once Kafka is back, pushes succeed
 * again and every line that got a 204, before or after, is read back exactly once.
 *
 * <p>The outage lasts until each client has had {@code skald.it.kafka-outage.refusals} pushes
 * refused (default 2).
 */
class KafkaOutageIT {

  private static final int CLIENTS = 3;
  private static final int LINES_PER_PUSH = 20;
  private static final Duration BUS_TIMEOUT = Duration.ofSeconds(3);

  /** The bus timeout, plus slack for HTTP and a loaded 2-core machine. */
  private static final Duration REFUSAL_BOUND = BUS_TIMEOUT.plusSeconds(2);

  private static final int REFUSALS_PER_CLIENT =
      Integer.getInteger("skald.it.kafka-outage.refusals", 2);
  private static final int PUSHES_AFTER = 100;

  @Test
  void pushesAreRefusedWhileKafkaIsDownAndEveryAcknowledgedLineSurvives() throws Exception {
    long base = System.currentTimeMillis() * 1_000_000L - 600_000_000_000L;
    long end = base + 3_600_000_000_000L;
    try (KafkaBroker kafka = KafkaBroker.start();
        SkaldCluster cluster =
            SkaldCluster.start(
                "kafkaoutage",
                kafka,
                SharedServers.s3(),
                Map.of("bus.timeout", BUS_TIMEOUT.toSeconds() + "s"));
        PushLoad load =
            PushLoad.start(cluster.ingest().uri(), "kafka-outage", CLIENTS, LINES_PER_PUSH, base)) {
      String querier = cluster.querier().url();
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .ignoreExceptions()
          .until(() -> LokiQueries.countEntries(querier, load.selector(), base, end, 10) > 0);
      assertThat(Probes.ready(cluster.ingest()).ok()).isTrue();

      kafka.stop();
      long downAt = System.nanoTime();
      await()
          .atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> !Probes.ready(cluster.ingest()).ok());
      Probes.Ready ingestDown = Probes.ready(cluster.ingest());
      System.out.printf(
          "Kafka outage: ingest /ready %d:%n%s", ingestDown.status(), ingestDown.body());
      assertThat(ingestDown.status()).isEqualTo(503);
      assertThat(ingestDown.body())
          .startsWith("Some services are not Running:\n")
          .contains("bus: not reachable");
      assertThat(Probes.ready(cluster.querier()).ok())
          .as("the querier does not use the bus")
          .isTrue();

      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> everyClientRefusedSince(load, downAt));
      long restartAt = System.nanoTime();
      kafka.restart();
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> Probes.ready(cluster.ingest()).ok());
      long upAt = System.nanoTime();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> load.acknowledgedPushesSince(upAt) >= PUSHES_AFTER);
      load.stop();

      // Pushes that began and ended while the broker was down. One that began during the outage
      // and ended after the restart may rightly be acknowledged: its records reached the broker.
      List<PushLoad.Push> during =
          load.pushes(p -> p.startNanos() >= downAt && p.endNanos() < restartAt);
      long bridged =
          load.pushes(
                  p ->
                      p.startNanos() >= downAt
                          && p.startNanos() < restartAt
                          && p.endNanos() >= restartAt
                          && p.status() == 204)
              .size();
      long slowest = during.stream().mapToLong(p -> p.took().toMillis()).max().orElse(0);
      System.out.printf(
          "Kafka outage: %d ms down, %d pushes within it: %d answered 503, %d acknowledged, "
              + "slowest answer %d ms (bus timeout %d ms); %d pushes begun during it acknowledged after the restart%n",
          (restartAt - downAt) / 1_000_000,
          during.size(),
          during.stream().filter(p -> p.status() == 503).count(),
          during.stream().filter(p -> p.status() == 204).count(),
          slowest,
          BUS_TIMEOUT.toMillis(),
          bridged);
      assertThat(during)
          .as("pushes while Kafka was down")
          .isNotEmpty()
          .allSatisfy(
              p ->
                  assertThat(p.status())
                      .as("status of a push while Kafka was down")
                      .isEqualTo(503));
      assertThat(Duration.ofMillis(slowest)).isLessThanOrEqualTo(REFUSAL_BOUND);

      ReadBack.assertExactlyOnce(
          "Kafka outage", querier, load.selector(), base, end, load.acknowledged());
      assertThat(Probes.ready(cluster.chunker()).ok()).as("chunker survived the outage").isTrue();
      assertThat(Probes.ready(cluster.compactor()).ok())
          .as("compactor survived the outage")
          .isTrue();
    }
  }

  private static boolean everyClientRefusedSince(PushLoad load, long since) {
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      if (load.pushes(p -> p.client() == client && p.startNanos() >= since && p.status() != 204)
              .size()
          < REFUSALS_PER_CLIENT) {
        return false;
      }
    }
    return true;
  }
}
