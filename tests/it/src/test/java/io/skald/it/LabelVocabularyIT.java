package io.skald.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skald.gocompat.GoQuote;
import io.skald.it.LokiPushes.Line;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 on the real application: push, query and delete agree on a label value full of control
 * characters and non-BMP code points, because every module reads stored label text with the one
 * reader; and limits print Prometheus durations as Loki does.
 */
class LabelVocabularyIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** BEL, tab, U+2028, an emoji, DEL, the tag U+E0001, U+FFFD, a quote and a backslash. */
  private static final String PROTO_VALUE =
      "a\u0007b\tc\u2028d\uD83D\uDE00e\u007f\uDB40\uDC01f\uFFFDg\"h\\i";

  /** The same as Prometheus label text writes it, with Go escapes. */
  private static final String PROTO_LABELS =
      "{app=\"ctl-proto\", weird=\"a\\ab\\tc\\u2028d\\U0001F600e\\x7f"
          + "\\U000E0001f\\ufffdg\\\"h\\\\i\"}";

  /**
   * JSON pushes print label values with strconv.Quote, which leaves U+FFFD bare; Loki refuses that.
   */
  private static final String JSON_VALUE = "x\u0001y\u001bz\u2029\uDBFF\uDFFD\u00ad";

  private static SkaldProcess skald;
  private static long startNs;

  @BeforeAll
  static void start() throws IOException {
    Path dir =
        Files.createDirectories(Path.of(System.getProperty("it.work.dir", "target/it-work")))
            .resolve("labels-" + System.nanoTime());
    skald =
        SkaldProcess.start(
            dir,
            Map.of(
                "compactor.compaction-interval", "1s",
                "compactor.delete-request-cancel-period", "1s",
                "compactor.retention-delete-delay", "1s",
                "limits.max-query-length", "9600h"));
    startNs = System.currentTimeMillis() * 1_000_000L - 60_000_000_000L;
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (skald != null) {
      skald.close();
    }
  }

  @Test
  void unusualLabelValuesReadBackExactlyAndDeleteWhatTheyName() throws Exception {
    long ts = System.currentTimeMillis() * 1_000_000L;
    List<Line> proto = List.of(new Line(ts, "proto one"), new Line(ts + 1, "proto two"));
    List<Line> json = List.of(new Line(ts + 2, "json one"));
    assertThat(
            post(
                    "/loki/api/v1/push",
                    "application/x-protobuf",
                    LokiPushes.protobufSnappy(PROTO_LABELS, proto))
                .statusCode())
        .isEqualTo(204);
    HttpResponse<String> jsonPush =
        post(
            "/loki/api/v1/push",
            "application/json",
            LokiPushes.json(
                    new LinkedHashMap<>(Map.of("app", "ctl-json", "weird", JSON_VALUE)), json)
                .getBytes(StandardCharsets.UTF_8));
    assertThat(jsonPush.statusCode()).as(jsonPush.body()).isEqualTo(204);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> lines("{app=~\"ctl-.+\"}").size() == 3);

    // query_range names each stream by its labels, exactly as pushed
    Map<String, String> weirdByApp = new LinkedHashMap<>();
    for (JsonNode s : queryRange("{app=~\"ctl-.+\"}").path("data").path("result")) {
      weirdByApp.put(
          s.path("stream").path("app").asText(), s.path("stream").path("weird").asText());
    }
    assertThat(weirdByApp)
        .containsEntry("ctl-proto", PROTO_VALUE)
        .containsEntry("ctl-json", JSON_VALUE);
    // a matcher on the exact value finds the stream
    assertThat(lines("{weird=" + logqlString(PROTO_VALUE) + "}"))
        .containsExactly("proto one", "proto two");
    assertThat(lines("{weird=" + logqlString(JSON_VALUE) + "}")).containsExactly("json one");

    assertThat(texts(get("/loki/api/v1/labels", range()).path("data"))).contains("app", "weird");
    assertThat(texts(get("/loki/api/v1/label/weird/values", range()).path("data")))
        .containsExactlyInAnyOrder(PROTO_VALUE, JSON_VALUE);
    Map<String, String> series = range();
    series.put("match[]", "{app=\"ctl-proto\"}");
    JsonNode found = get("/loki/api/v1/series", series).path("data");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).path("weird").asText()).isEqualTo(PROTO_VALUE);

    // a delete request naming the value hides its lines at once and removes them for good
    Map<String, String> delete =
        Map.of(
            "query",
            "{app=\"ctl-proto\", weird=" + logqlString(PROTO_VALUE) + "}",
            "start",
            Long.toString(startNs / 1_000_000_000L));
    HttpResponse<String> posted =
        send("POST", "/loki/api/v1/delete?" + LokiQueries.queryString(delete));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(204);
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> lines("{app=~\"ctl-.+\"}").equals(List.of("json one")));
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> deleteStatus().equals("processed"));
    assertThat(lines("{app=~\"ctl-.+\"}")).containsExactly("json one");
    assertThat(lines("{weird=" + logqlString(PROTO_VALUE) + "}")).isEmpty();
  }

  @Test
  void limitsPrintPrometheusDurationsWithYearsOnlyWhenTheyDivide() throws Exception {
    JsonNode limits = get("/loki/api/v1/drilldown-limits", Map.of()).path("limits");
    assertThat(limits.path("max_query_length").asText()).isEqualTo("400d");

    long end = System.currentTimeMillis() * 1_000_000L;
    Map<String, String> p =
        Map.of(
            "query",
            "{app=\"ctl-proto\"}",
            "limit",
            "10",
            "start",
            Long.toString(end - Duration.ofDays(401).toNanos()),
            "end",
            Long.toString(end));
    HttpResponse<String> r = send("GET", "/loki/api/v1/query_range?" + LokiQueries.queryString(p));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body())
        .isEqualTo(
            "the query time range exceeds the limit (query length: 9624h0m0s, limit: 400d)\n");
  }

  /**
   * A LogQL string literal; U+FFFD escaped, as a client would, since a bare one reads as invalid
   * UTF-8.
   */
  private static String logqlString(String value) {
    return GoQuote.quote(value).replace("\uFFFD", "\\ufffd");
  }

  private static Map<String, String> range() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("start", Long.toString(startNs));
    p.put("end", Long.toString(System.currentTimeMillis() * 1_000_000L + 60_000_000_000L));
    return p;
  }

  private static JsonNode queryRange(String query) throws IOException, InterruptedException {
    Map<String, String> p = range();
    p.put("query", query);
    p.put("limit", "100");
    p.put("direction", "forward");
    return get("/loki/api/v1/query_range", p);
  }

  /** The lines a log query returns, oldest first across streams. */
  private static List<String> lines(String query) throws IOException, InterruptedException {
    List<long[]> order = new ArrayList<>();
    List<String> out = new ArrayList<>();
    for (JsonNode stream : queryRange(query).path("data").path("result")) {
      for (JsonNode v : stream.path("values")) {
        order.add(new long[] {Long.parseLong(v.get(0).asText()), out.size()});
        out.add(v.get(1).asText());
      }
    }
    order.sort((a, b) -> Long.compare(a[0], b[0]));
    List<String> sorted = new ArrayList<>();
    for (long[] o : order) {
      sorted.add(out.get((int) o[1]));
    }
    return sorted;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String deleteStatus() throws IOException, InterruptedException {
    HttpResponse<String> r = send("GET", "/loki/api/v1/delete");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode list = JSON.readTree(r.body());
    assertThat(list).hasSize(1);
    return list.get(0).path("status").asText();
  }

  private static JsonNode get(String path, Map<String, String> params)
      throws IOException, InterruptedException {
    return LokiQueries.get(skald.url(), path, params);
  }

  private static HttpResponse<String> post(String path, String contentType, byte[] body)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(skald.uri().resolve(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> send(String method, String pathAndQuery)
      throws IOException, InterruptedException {
    URI uri = URI.create(skald.url() + pathAndQuery);
    return HTTP.send(
        HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
