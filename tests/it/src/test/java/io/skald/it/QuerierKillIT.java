package io.skald.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skald.harness.SharedServers;
import io.skald.it.LokiPushes.Line;
import io.skald.it.SkaldCluster.Role;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SIGKILL the querier while it is answering a large query: the client sees the connection break (an
 * IOException, never a truncated answer passed off as complete); the restarted querier, which keeps
 * no state of its own, answers the same query correctly.
 *
 * <p>The answer is about 24 MB, far more than the sockets buffer, and the client reads only its
 * first 64 KB before the kill, so the querier is certainly mid-answer when it dies.
 */
class QuerierKillIT {

  private static final int LINES = 3000;
  private static final int LINE_BYTES = 8 * 1024;
  private static final int LINES_PER_PUSH = 50;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void aKilledQuerierBreaksTheAnswerAndTheRestartedOneAnswersCorrectly() throws Exception {
    long base = System.currentTimeMillis() * 1_000_000L - 600_000_000_000L;
    // 24 MB of lines in a few seconds: above Loki's default per-tenant ingestion rate.
    Map<String, String> generous =
        Map.of("ingest.ingestion-rate-mb", "1000", "ingest.ingestion-burst-size-mb", "1000");
    try (SkaldCluster cluster =
        SkaldCluster.start(
            "querierkill",
            SharedServers.kafka(),
            SharedServers.s3(),
            Map.of(),
            Map.of(Role.INGEST, generous))) {
      List<String> expected = pushLines(cluster.ingest().uri(), base);
      String querier = cluster.querier().url();
      URI query =
          URI.create(
              querier
                  + "/loki/api/v1/query_range?"
                  + LokiQueries.queryString(
                      Map.of(
                          "query",
                          "{app=\"querier-kill\"}",
                          "start",
                          Long.toString(base),
                          "end",
                          Long.toString(base + 3_600_000_000_000L),
                          "limit",
                          Integer.toString(LINES + 100))));
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .until(
              () ->
                  LokiQueries.countEntries(
                          querier, "{app=\"querier-kill\"}", base, base + 3_600_000_000_000L, 5000)
                      == LINES);

      ExecutorService client = Executors.newSingleThreadExecutor();
      CountDownLatch midAnswer = new CountDownLatch(1);
      CountDownLatch killed = new CountDownLatch(1);
      long[] read = new long[2];
      Future<Throwable> outcome =
          client.submit(
              () -> {
                HttpResponse<InputStream> r =
                    HTTP.send(
                        HttpRequest.newBuilder(query).timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                read[1] = r.headers().firstValueAsLong("Content-Length").orElse(-1);
                try (InputStream in = r.body()) {
                  read[0] = in.readNBytes(64 * 1024).length;
                  midAnswer.countDown();
                  killed.await();
                  byte[] buf = new byte[64 * 1024];
                  for (int n; (n = in.read(buf)) >= 0; ) {
                    read[0] += n;
                  }
                  return null;
                } catch (IOException e) {
                  return e;
                }
              });
      assertThat(midAnswer.await(60, TimeUnit.SECONDS)).as("the answer started").isTrue();
      cluster.querier().kill();
      killed.countDown();
      Throwable broken = outcome.get(60, TimeUnit.SECONDS);
      client.shutdown();
      System.out.printf(
          "querier kill -9: the client read %d of %d bytes, then: %s%n", read[0], read[1], broken);
      assertThat(broken).as("the client must see the answer break").isInstanceOf(IOException.class);

      long t0 = System.nanoTime();
      cluster.querier().restart();
      long restartMs = (System.nanoTime() - t0) / 1_000_000;
      List<String> answered = new ArrayList<>();
      List<Long> timestamps = new ArrayList<>();
      JsonNode body =
          new ObjectMapper()
              .readTree(
                  HTTP.send(
                          HttpRequest.newBuilder(query).timeout(Duration.ofSeconds(60)).build(),
                          HttpResponse.BodyHandlers.ofString())
                      .body());
      for (JsonNode stream : body.path("data").path("result")) {
        for (JsonNode v : stream.path("values")) {
          timestamps.add(Long.parseLong(v.get(0).asText()));
          answered.add(v.get(1).asText());
        }
      }
      System.out.printf(
          "querier kill -9: restarted in %d ms, the same query then returned %d of %d lines%n",
          restartMs, answered.size(), LINES);
      assertThat(timestamps).as("newest first").isSortedAccordingTo((a, b) -> Long.compare(b, a));
      assertThat(answered).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  /** Pushes {@code LINES} lines of {@code LINE_BYTES} each; returns their texts. */
  private static List<String> pushLines(URI ingest, long base) throws Exception {
    List<String> texts = new ArrayList<>();
    String filler = "abcdefghijklmnopqrstuvwxyz0123456789".repeat(LINE_BYTES / 36 + 1);
    for (int first = 0; first < LINES; first += LINES_PER_PUSH) {
      List<Line> lines = new ArrayList<>();
      for (int i = first; i < first + LINES_PER_PUSH; i++) {
        String text = ("seq=" + i + " " + filler).substring(0, LINE_BYTES);
        lines.add(new Line(base + i * 1_000L, text));
        texts.add(text);
      }
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(ingest.resolve("/loki/api/v1/push"))
                  .header("Content-Type", "application/x-protobuf")
                  .timeout(Duration.ofSeconds(30))
                  .POST(
                      HttpRequest.BodyPublishers.ofByteArray(
                          LokiPushes.protobufSnappy("{app=\"querier-kill\"}", lines)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
    }
    return texts;
  }
}
