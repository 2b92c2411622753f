package io.skald.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skald.it.LokiPushes.Line;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 4 on the real application: a delete request hides its lines at once, is processed once its
 * cancel period has passed, and compaction shrinks the objects of a day while answers stay the
 * same.
 */
class RetentionAndDeleteIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PUSHES = 6;

  @Test
  void deletesVanishAtOnceAndCompactionKeepsAnswers() throws Exception {
    Path dir =
        Files.createDirectories(Path.of(System.getProperty("it.work.dir", "target/it-work")))
            .resolve("retention-" + System.nanoTime());
    Map<String, String> options =
        Map.of(
            "compactor.compaction-interval", "1s",
            "compactor.delete-request-cancel-period", "1s",
            "compactor.retention-delete-delay", "1s",
            "compactor.min-segments-to-compact", "2");
    try (SkaldProcess skald = SkaldProcess.start(dir, options)) {
      long start = System.currentTimeMillis() * 1_000_000L - 1_000_000_000L;
      int peakSegments = 0;
      for (int i = 0; i < PUSHES; i++) {
        long ts = System.currentTimeMillis() * 1_000_000L;
        push(
            skald,
            List.of(
                new Line(ts, "public " + i, Map.of()), new Line(ts + 1, "secret " + i, Map.of())));
        int expected = 2 * (i + 1);
        // Each push becomes visible before the next, so every one lands in a segment of its own.
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(50))
            .until(() -> lines(skald, start).size() == expected);
        peakSegments = Math.max(peakSegments, segmentFiles(dir).size());
      }
      long end = System.currentTimeMillis() * 1_000_000L + 1_000_000_000L;
      assertThat(peakSegments).isGreaterThan(1);

      HttpResponse<String> post =
          send(
              skald,
              "POST",
              Map.of(
                  "query",
                  "{app=\"x\"} |= \"secret\"",
                  "start",
                  Long.toString(start / 1_000_000_000L - 60)));
      assertThat(post.statusCode()).as(post.body()).isEqualTo(204);
      assertThat(status(skald)).isEqualTo("received");

      await()
          .atMost(Duration.ofSeconds(5))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> lines(skald, start).stream().noneMatch(l -> l.startsWith("secret")));
      List<String> answer = lines(skald, start);
      assertThat(answer).hasSize(PUSHES).allMatch(l -> l.startsWith("public"));

      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> status(skald).equals("processed"));
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> segmentFiles(dir).size() == 1);
      assertThat(lines(skald, start)).isEqualTo(answer);
      assertThat(LokiQueries.countEntries(skald.url(), "{app=\"x\"}", start, end, 100))
          .isEqualTo(PUSHES);
      assertThat(send(skald, "DELETE", Map.of("request_id", "00000000")).statusCode())
          .isEqualTo(404);
    }
  }

  private static void push(SkaldProcess skald, List<Line> lines)
      throws IOException, InterruptedException {
    HttpResponse<Void> r =
        HTTP.send(
            HttpRequest.newBuilder(skald.uri().resolve("/loki/api/v1/push"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(LokiPushes.json(Map.of("app", "x"), lines)))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(r.statusCode()).isEqualTo(204);
  }

  /** The lines of {@code {app="x"}}, oldest first. */
  private static List<String> lines(SkaldProcess skald, long startNs)
      throws IOException, InterruptedException {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("query", "{app=\"x\"}");
    p.put("start", Long.toString(startNs));
    p.put("end", Long.toString(System.currentTimeMillis() * 1_000_000L + 1_000_000_000L));
    p.put("limit", "1000");
    p.put("direction", "forward");
    List<String> out = new ArrayList<>();
    for (JsonNode stream :
        LokiQueries.get(skald.url(), "/loki/api/v1/query_range", p).path("data").path("result")) {
      for (JsonNode v : stream.path("values")) {
        out.add(v.get(1).asText());
      }
    }
    return out;
  }

  private static String status(SkaldProcess skald) throws IOException, InterruptedException {
    HttpResponse<String> r = send(skald, "GET", Map.of());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode list = JSON.readTree(r.body());
    assertThat(list).hasSize(1);
    return list.get(0).path("status").asText();
  }

  private static HttpResponse<String> send(
      SkaldProcess skald, String method, Map<String, String> params)
      throws IOException, InterruptedException {
    URI uri = skald.uri().resolve("/loki/api/v1/delete?" + LokiQueries.queryString(params));
    return HTTP.send(
        HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static List<Path> segmentFiles(Path dataDir) throws IOException {
    Path segments = dataDir.resolve("objects").resolve("loki-chunks").resolve("segments");
    if (!Files.exists(segments)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(segments)) {
      return files.filter(f -> f.toString().endsWith(".seg")).toList();
    }
  }
}
