package io.skald.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skald.it.LokiPushes.Line;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Push → visible-to-a-query latency on the embedded default. In CI this is a smoke run (a few
 * samples, correctness only); {@code -Dskald.freshness.samples=300} turns it into the measurement
 * recorded in docs/performance.md. Not a timed test: the figures are printed, not asserted.
 */
class FreshnessIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void everyPushedLineBecomesVisible() throws Exception {
    int samples = Integer.getInteger("skald.freshness.samples", 10);
    Path dir =
        Files.createDirectories(Path.of(System.getProperty("it.work.dir", "target/it-work")))
            .resolve("fresh-" + System.nanoTime());
    List<Long> latenciesMs = new ArrayList<>();
    try (SkaldProcess skald = SkaldProcess.start(dir)) {
      for (int i = 0; i < samples; i++) {
        long ts = System.currentTimeMillis() * 1_000_000L;
        String line = "freshness probe " + i;
        byte[] body = LokiPushes.protobufSnappy("{app=\"fresh\"}", List.of(new Line(ts, line)));
        long sent = System.nanoTime();
        HttpResponse<Void> r =
            HTTP.send(
                HttpRequest.newBuilder(skald.uri().resolve("/loki/api/v1/push"))
                    .header("Content-Type", "application/x-protobuf")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(r.statusCode()).isEqualTo(204);
        String query = "{app=\"fresh\"} |= \"" + line + "\"";
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(20))
            .until(
                () ->
                    LokiQueries.countEntries(skald.url(), query, ts - 1, ts + 1_000_000_000L, 10)
                        == 1);
        latenciesMs.add((System.nanoTime() - sent) / 1_000_000L);
      }
    }
    Collections.sort(latenciesMs);
    System.out.printf(
        "freshness over %d pushes: p50 %d ms, p99 %d ms, max %d ms (target p99 <= 2000 ms)%n",
        samples,
        percentile(latenciesMs, 0.50),
        percentile(latenciesMs, 0.99),
        latenciesMs.get(latenciesMs.size() - 1));
  }

  private static long percentile(List<Long> sorted, double q) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
  }
}
