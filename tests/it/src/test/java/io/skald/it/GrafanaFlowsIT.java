package io.skald.it;

import static org.citrusframework.http.actions.HttpActionBuilder.http;
import static org.citrusframework.validation.json.JsonPathMessageValidationContext.Builder.jsonPath;

import io.skald.it.LokiPushes.Line;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.citrusframework.TestCaseRunner;
import org.citrusframework.annotations.CitrusResource;
import org.citrusframework.annotations.CitrusTest;
import org.citrusframework.http.client.HttpClient;
import org.citrusframework.http.endpoint.builder.HttpEndpoints;
import org.citrusframework.junit.jupiter.CitrusSupport;
import org.citrusframework.message.MessageType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * The requests Grafana's Loki data source sends (contract §4), exactly as it sends them, and the
 * parts of the answers it reads.
 */
@CitrusSupport
class GrafanaFlowsIT {

  private static SkaldProcess skald;
  private static HttpClient client;

  /** A minute boundary, so the volume buckets below are easy to compute by hand. */
  private static final long MINUTE = 60_000_000_000L;

  private static final long T0 = (System.currentTimeMillis() * 1_000_000L / MINUTE - 5) * MINUTE;
  private static final List<Line> LINES = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    Path dir =
        Files.createDirectories(Path.of(System.getProperty("it.work.dir", "target/it-work")))
            .resolve("grafana-" + System.nanoTime());
    skald = SkaldProcess.start(dir);
    client = HttpEndpoints.http().client().requestUrl(skald.url()).build();
    // Minute 0: 2 info + 1 error; minute 1: 1 warn. Each line carries a trace_id as metadata.
    LINES.add(new Line(T0 + 1_000_000_000L, "level=info msg=a", Map.of("trace_id", "t1")));
    LINES.add(new Line(T0 + 2_000_000_000L, "level=info msg=b", Map.of("trace_id", "t2")));
    LINES.add(new Line(T0 + 3_000_000_000L, "level=error msg=c", Map.of("trace_id", "t3")));
    LINES.add(new Line(T0 + MINUTE + 1_000_000_000L, "level=warn msg=d", Map.of("trace_id", "t4")));
    byte[] body = LokiPushes.protobufSnappy("{app=\"graf\", env=\"dev\"}", LINES);
    java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(skald.uri().resolve("/loki/api/v1/push"))
                .header("Content-Type", "application/x-protobuf")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.discarding());
    LokiQueries.awaitEntries(skald.url(), "{app=\"graf\"}", T0, T0 + 10 * MINUTE, 4);
  }

  @AfterAll
  static void stop() throws Exception {
    if (skald != null) {
      skald.close();
    }
  }

  @Test
  @CitrusTest
  void saveAndTestHealthCheckReturnsTwo(@CitrusResource TestCaseRunner runner) {
    runner.$(
        http()
            .client(client)
            .send()
            .get(
                "/loki/api/v1/query?query=vector(1)%2Bvector(1)&time=4000000000&direction=backward"));
    runner.$(
        http()
            .client(client)
            .receive()
            .response(HttpStatus.OK)
            .message()
            .type(MessageType.JSON)
            .validate(
                jsonPath()
                    .expressions(
                        Map.of(
                            "$.status",
                            "success",
                            "$.data.resultType",
                            "vector",
                            "$.data.result.size()",
                            1,
                            "$.data.result[0].value[1]",
                            "2"))));
  }

  @Test
  @CitrusTest
  void labelBrowserListsNamesAndValues(@CitrusResource TestCaseRunner runner) {
    String window = "start=" + T0 + "&end=" + (T0 + 10 * MINUTE);
    runner.$(http().client(client).send().get("/loki/api/v1/labels?" + window));
    runner.$(
        http()
            .client(client)
            .receive()
            .response(HttpStatus.OK)
            .message()
            .type(MessageType.JSON)
            .body("{\"status\":\"success\",\"data\":[\"app\",\"env\",\"service_name\"]}"));
    runner.$(
        http()
            .client(client)
            .send()
            .get(
                "/loki/api/v1/label/env/values?"
                    + window
                    + "&"
                    + LokiQueries.queryString(Map.of("query", "{app=\"graf\"}"))));
    runner.$(
        http()
            .client(client)
            .receive()
            .response(HttpStatus.OK)
            .message()
            .type(MessageType.JSON)
            .body("{\"status\":\"success\",\"data\":[\"dev\"]}"));
  }

  @Test
  @CitrusTest
  void exploreLogsVolumeCountsPerLevelAndMinute(@CitrusResource TestCaseRunner runner) {
    String q =
        "sum by (level, detected_level) (count_over_time({app=\"graf\"} | drop __error__ [1m]))";
    runner.$(
        http()
            .client(client)
            .send()
            .get(
                "/loki/api/v1/query_range?"
                    + LokiQueries.queryString(
                        Map.of(
                            "query",
                            q,
                            "start",
                            Long.toString(T0),
                            "end",
                            Long.toString(T0 + 2 * MINUTE),
                            "step",
                            "60000ms")))
            .message()
            .header("X-Query-Tags", "Source=logvolhist"));
    // Windows (t-1m, t] at t = T0, T0+1m, T0+2m: info 2 and error 1 at T0+1m, warn 1 at T0+2m.
    long s1 = (T0 + MINUTE) / 1_000_000_000L;
    long s2 = (T0 + 2 * MINUTE) / 1_000_000_000L;
    runner.$(
        http()
            .client(client)
            .receive()
            .response(HttpStatus.OK)
            .message()
            .type(MessageType.JSON)
            .body(
                """
        {"status":"success","data":{"resultType":"matrix","result":[
          {"metric":{"detected_level":"error"},"values":[[%d,"1"]]},
          {"metric":{"detected_level":"info"},"values":[[%d,"2"]]},
          {"metric":{"detected_level":"warn"},"values":[[%d,"1"]]}],
         "stats":"@ignore@"}}"""
                    .formatted(s1, s1, s2)));
  }

  @Test
  @CitrusTest
  void logContextReadsBackwardAndForwardAroundARow(@CitrusResource TestCaseRunner runner) {
    long row = LINES.get(1).tsNanos();
    long twoHours = 7_200_000_000_000L;
    runner.$(
        http()
            .client(client)
            .send()
            .get(
                "/loki/api/v1/query_range?"
                    + LokiQueries.queryString(
                        Map.of(
                            "query",
                            "{app=\"graf\", env=\"dev\"}",
                            "start",
                            Long.toString(row - twoHours),
                            "end",
                            Long.toString(row),
                            "direction",
                            "backward",
                            "limit",
                            "10"))));
    runner.$(
        http()
            .client(client)
            .receive()
            .response(HttpStatus.OK)
            .message()
            .type(MessageType.JSON)
            .validate(
                jsonPath()
                    .expressions(Map.of("$.data.result[*].values[*][1]", "level=info msg=a"))));
    // Forward starts inclusive at the row itself (Grafana drops the row from what it shows). Each
    // entry is its own stream because trace_id is metadata; streams sort by labels, so by level.
    runner.$(
        http()
            .client(client)
            .send()
            .get(
                "/loki/api/v1/query_range?"
                    + LokiQueries.queryString(
                        Map.of(
                            "query",
                            "{app=\"graf\", env=\"dev\"}",
                            "start",
                            Long.toString(row),
                            "end",
                            Long.toString(row + twoHours),
                            "direction",
                            "forward",
                            "limit",
                            "10"))));
    runner.$(
        http()
            .client(client)
            .receive()
            .response(HttpStatus.OK)
            .message()
            .type(MessageType.JSON)
            .validate(
                jsonPath()
                    .expressions(
                        Map.of(
                            "$.data.result.size()",
                            3,
                            "$.data.result[0].stream.trace_id",
                            "t3",
                            "$.data.result[1].stream.trace_id",
                            "t2",
                            "$.data.result[2].stream.trace_id",
                            "t4"))));
  }

  @Test
  @CitrusTest
  void dataSamplesAndDetectedFieldsFeedTheQueryBuilder(@CitrusResource TestCaseRunner runner) {
    String window = "start=" + T0 + "&end=" + (T0 + 10 * MINUTE);
    runner.$(
        http()
            .client(client)
            .send()
            .get(
                "/loki/api/v1/query_range?"
                    + window
                    + "&limit=10&direction=backward&"
                    + LokiQueries.queryString(Map.of("query", "{app=\"graf\"}")))
            .message()
            .header("X-Query-Tags", "Source=datasample"));
    runner.$(
        http()
            .client(client)
            .receive()
            .response(HttpStatus.OK)
            .message()
            .type(MessageType.JSON)
            .validate(
                jsonPath()
                    .expressions(
                        Map.of("$.data.resultType", "streams", "$.data.result.size()", 4))));
    // level and msg come from logfmt; detected_level and trace_id are structured metadata.
    runner.$(
        http()
            .client(client)
            .send()
            .get(
                "/loki/api/v1/detected_fields?"
                    + window
                    + "&limit=1000&"
                    + LokiQueries.queryString(Map.of("query", "{app=\"graf\"}"))));
    runner.$(
        http()
            .client(client)
            .receive()
            .response(HttpStatus.OK)
            .message()
            .type(MessageType.JSON)
            .validate(jsonPath().expressions(Map.of("$.fields.size()", 4, "$.limit", 1000))));
    runner.$(
        http()
            .client(client)
            .send()
            .get(
                "/loki/api/v1/detected_field/level/values?"
                    + window
                    + "&"
                    + LokiQueries.queryString(Map.of("query", "{app=\"graf\"}"))));
    runner.$(
        http()
            .client(client)
            .receive()
            .response(HttpStatus.OK)
            .message()
            .type(MessageType.JSON)
            .body("{\"values\":[\"error\",\"info\",\"warn\"],\"limit\":1000}"));
  }

  @Test
  @CitrusTest
  void categorizeLabelsSplitsStreamLabelsFromMetadata(@CitrusResource TestCaseRunner runner) {
    runner.$(
        http()
            .client(client)
            .send()
            .get(
                "/loki/api/v1/query_range?"
                    + LokiQueries.queryString(
                        Map.of(
                            "query",
                            "{app=\"graf\"} |= \"msg=a\"",
                            "start",
                            Long.toString(T0),
                            "end",
                            Long.toString(T0 + 10 * MINUTE),
                            "direction",
                            "forward",
                            "limit",
                            "10")))
            .message()
            .header("X-Loki-Response-Encoding-Flags", "categorize-labels"));
    runner.$(
        http()
            .client(client)
            .receive()
            .response(HttpStatus.OK)
            .message()
            .type(MessageType.JSON)
            .body(
                """
        {"status":"success","data":{"resultType":"streams","result":[
          {"stream":{"app":"graf","env":"dev","service_name":"graf"},
           "values":[["%d","level=info msg=a",{"structuredMetadata":{"detected_level":"info","trace_id":"t1"}}]]}],
         "stats":"@ignore@","encodingFlags":["categorize-labels"]}}"""
                    .formatted(LINES.get(0).tsNanos())));
  }
}
