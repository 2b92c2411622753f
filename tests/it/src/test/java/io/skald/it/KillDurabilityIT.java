package io.skald.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.skald.it.LokiPushes.Line;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A 204 means durable: push from several clients, SIGKILL the process mid-stream, restart it on the
 * same data directory, and every acknowledged line comes back exactly once.
 */
class KillDurabilityIT {

  private static final int CLIENTS = 4;
  private static final int BATCH = 25;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void everyAcknowledgedLineSurvivesKillMinusNine() throws Exception {
    Path dir =
        Files.createDirectories(Path.of(System.getProperty("it.work.dir", "target/it-work")))
            .resolve("kill-" + System.nanoTime());
    long base = System.currentTimeMillis() * 1_000_000L - 120_000_000_000L;
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger batchesAcked = new AtomicInteger();
    AtomicBoolean pushing = new AtomicBoolean(true);

    try (SkaldProcess skald = SkaldProcess.start(dir)) {
      CountDownLatch someAcked = new CountDownLatch(CLIENTS * 4);
      List<Thread> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        Thread t =
            new Thread(
                () ->
                    push(
                        skald.uri(), client, base, acknowledged, batchesAcked, pushing, someAcked));
        t.start();
        clients.add(t);
      }
      // Kill while every client is mid-stream, once each has had a few batches acknowledged.
      assertThat(someAcked.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      skald.kill();
      pushing.set(false);
      for (Thread t : clients) {
        t.join();
      }
      int acked = acknowledged.size();
      assertThat(acked).isGreaterThanOrEqualTo(CLIENTS * 4 * BATCH);

      skald.restart();
      String query = "{app=\"durability\"}";
      long start = base - 1;
      long end = base + 3_600_000_000_000L;
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> LokiQueries.countEntries(skald.url(), query, start, end, 5000) >= acked);

      Map<String, Integer> seen = new HashMap<>();
      for (JsonNode stream :
          LokiQueries.get(
                  skald.url(),
                  "/loki/api/v1/query_range",
                  Map.of(
                      "query",
                      query,
                      "start",
                      Long.toString(start),
                      "end",
                      Long.toString(end),
                      "limit",
                      "5000"))
              .path("data")
              .path("result")) {
        for (JsonNode v : stream.path("values")) {
          seen.merge(v.get(1).asText(), 1, Integer::sum);
        }
      }
      System.out.printf(
          "kill -9 durability: %d lines acknowledged, %d distinct read back, %d read in total%n",
          acked, seen.size(), seen.values().stream().mapToInt(Integer::intValue).sum());
      assertThat(seen.keySet()).containsAll(acknowledged);
      assertThat(seen.values()).allMatch(n -> n == 1);
    }
  }

  private static void push(
      URI uri,
      int client,
      long base,
      Set<String> acknowledged,
      AtomicInteger batchesAcked,
      AtomicBoolean pushing,
      CountDownLatch someAcked) {
    for (int b = 0; pushing.get() && b < 40; b++) {
      List<Line> lines = new ArrayList<>();
      for (int i = 0; i < BATCH; i++) {
        int n = b * BATCH + i;
        lines.add(
            new Line(
                base + (long) client * 1_000_000_000L + n * 1_000L,
                "client=" + client + " n=" + n));
      }
      byte[] body =
          LokiPushes.protobufSnappy("{app=\"durability\", client=\"" + client + "\"}", lines);
      try {
        HttpResponse<Void> r =
            HTTP.send(
                HttpRequest.newBuilder(uri.resolve("/loki/api/v1/push"))
                    .header("Content-Type", "application/x-protobuf")
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 204) {
          lines.forEach(l -> acknowledged.add(l.text()));
          batchesAcked.incrementAndGet();
          someAcked.countDown();
        }
      } catch (Exception e) {
        return; // the server is gone: this batch was never acknowledged
      }
    }
  }
}
