package io.skald.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.skald.it.LokiPushes.Line;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Grafana splits long ranges into day-sized sub-queries and merges them in the browser: the pieces
 * must add up to the whole, including across the UTC day boundary where Skald's segments and
 * indexes are cut.
 */
class QuerySplittingIT {

  private static final long HOUR = 3_600_000_000_000L;
  private static final long DAY = 24 * HOUR;

  @Test
  void dayByDaySubQueriesAddUpToTheWholeRange() throws Exception {
    long midnight =
        (System.currentTimeMillis() * 1_000_000L / DAY - 1) * DAY; // yesterday 00:00 UTC
    List<Line> lines =
        List.of(
            new Line(midnight - 2 * HOUR, "before midnight 1"),
            new Line(midnight - 1, "before midnight 2"),
            new Line(midnight, "at midnight"),
            new Line(midnight + HOUR, "after midnight"));
    Path dir =
        Files.createDirectories(Path.of(System.getProperty("it.work.dir", "target/it-work")))
            .resolve("split-" + System.nanoTime());
    try (SkaldProcess skald = SkaldProcess.start(dir)) {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(skald.uri().resolve("/loki/api/v1/push"))
                      .header("Content-Type", "application/x-protobuf")
                      .POST(
                          HttpRequest.BodyPublishers.ofByteArray(
                              LokiPushes.protobufSnappy("{app=\"split\"}", lines)))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
      long start = midnight - 3 * HOUR;
      long end = midnight + 2 * HOUR;
      LokiQueries.awaitEntries(skald.url(), "{app=\"split\"}", start, end, 4);

      List<String> whole = lines(skald, start, end);
      List<String> pieces = new ArrayList<>(lines(skald, start, midnight));
      pieces.addAll(lines(skald, midnight, end));
      assertThat(whole)
          .containsExactly(
              "before midnight 1", "before midnight 2", "at midnight", "after midnight");
      assertThat(pieces).isEqualTo(whole);
      // The metric view agrees: one count per day-window, summing to the whole.
      JsonNode counts =
          LokiQueries.get(
              skald.url(),
              "/loki/api/v1/query",
              Map.of(
                  "query",
                  "count_over_time({app=\"split\"}[1d])",
                  "time",
                  Long.toString(midnight + 2 * HOUR)));
      assertThat(counts.path("data").path("result").get(0).path("value").get(1).asText())
          .isEqualTo("4");
    }
  }

  private static List<String> lines(SkaldProcess skald, long start, long end) throws Exception {
    JsonNode body =
        LokiQueries.get(
            skald.url(),
            "/loki/api/v1/query_range",
            Map.of(
                "query",
                "{app=\"split\"}",
                "start",
                Long.toString(start),
                "end",
                Long.toString(end),
                "direction",
                "forward",
                "limit",
                "100"));
    List<String> out = new ArrayList<>();
    for (JsonNode stream : body.path("data").path("result")) {
      for (JsonNode v : stream.path("values")) {
        out.add(v.get(1).asText());
      }
    }
    return out;
  }
}
