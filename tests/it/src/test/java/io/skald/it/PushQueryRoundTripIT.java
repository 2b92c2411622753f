package io.skald.it;

import static org.citrusframework.http.actions.HttpActionBuilder.http;
import static org.citrusframework.validation.json.JsonPathMessageValidationContext.Builder.jsonPath;

import io.skald.it.LokiPushes.Line;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * The whole data path on the embedded default: push over HTTP in each wire format, then read the
 * exact lines back through the query API, as Alloy, Loki4j and Grafana would.
 */
@CitrusSupport
class PushQueryRoundTripIT {

  private static SkaldProcess skald;
  private static HttpClient client;
  private static final long NOW = System.currentTimeMillis() * 1_000_000L;
  private static final long START = NOW - 600_000_000_000L;
  private static final long END = NOW + 60_000_000_000L;

  @BeforeAll
  static void start() throws Exception {
    Path dir =
        Files.createDirectories(Path.of(System.getProperty("it.work.dir", "target/it-work")))
            .resolve("roundtrip-" + System.nanoTime());
    skald = SkaldProcess.start(dir);
    client = HttpEndpoints.http().client().requestUrl(skald.url()).build();
  }

  @AfterAll
  static void stop() throws Exception {
    if (skald != null) {
      skald.close();
    }
  }

  private static List<Line> lines(String prefix, int n, long base) {
    List<Line> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new Line(base + i * 1_000_000L, "level=info msg=\"" + prefix + " " + i + "\""));
    }
    return out;
  }

  private static String values(List<Line> lines) {
    StringBuilder b = new StringBuilder();
    for (Line l : lines) {
      b.append(b.length() == 0 ? "" : ",")
          .append("[\"")
          .append(l.tsNanos())
          .append("\",")
          .append(LokiPushes.quote(l.text()))
          .append(']');
    }
    return b.toString();
  }

  /** Citrus compares JSON arrays as sets; these pin the order of a stream's values. */
  private static Map<String, Object> inOrder(int stream, List<Line> lines) {
    Map<String, Object> e = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      e.put(
          "$.data.result[" + stream + "].values[" + i + "][0]",
          Long.toString(lines.get(i).tsNanos()));
    }
    e.put("$.data.result[" + stream + "].values.size()", lines.size());
    return e;
  }

  private static String range(String query, String direction, int limit) {
    return LokiQueries.queryString(
        Map.of(
            "query",
            query,
            "start",
            Long.toString(START),
            "end",
            Long.toString(END),
            "direction",
            direction,
            "limit",
            Integer.toString(limit)));
  }

  @Test
  @CitrusTest
  void protobufSnappyPushIsReadBackExactly(@CitrusResource TestCaseRunner runner) {
    List<Line> sent = lines("proto", 5, NOW - 300_000_000_000L);
    byte[] body = LokiPushes.protobufSnappy("{app=\"it-proto\", env=\"test\"}", sent);
    runner.$(
        http()
            .client(client)
            .send()
            .post("/loki/api/v1/push")
            .message()
            .contentType("application/x-protobuf")
            .body(ctx -> body));
    runner.$(http().client(client).receive().response(HttpStatus.NO_CONTENT));

    LokiQueries.awaitEntries(skald.url(), "{app=\"it-proto\"}", START, END, 5);
    runner.$(
        http()
            .client(client)
            .send()
            .get("/loki/api/v1/query_range?" + range("{app=\"it-proto\"}", "forward", 100)));
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
              {"stream":{"app":"it-proto","detected_level":"info","env":"test","service_name":"it-proto"},
               "values":[%s]}],
             "stats":"@ignore@"}}"""
                    .formatted(values(sent)))
            .validate(jsonPath().expressions(inOrder(0, sent))));
  }

  @Test
  @CitrusTest
  void jsonPushWithStructuredMetadataIsReadBackNewestFirst(@CitrusResource TestCaseRunner runner) {
    List<Line> sent = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sent.add(
          new Line(
              NOW - 200_000_000_000L + i, "level=warn msg=json-" + i, Map.of("trace_id", "t" + i)));
    }
    String body = LokiPushes.json(new LinkedHashMap<>(Map.of("app", "it-json")), sent);
    runner.$(
        http()
            .client(client)
            .send()
            .post("/loki/api/v1/push")
            .message()
            .contentType("application/json")
            .body(body));
    runner.$(http().client(client).receive().response(HttpStatus.NO_CONTENT));

    LokiQueries.awaitEntries(skald.url(), "{app=\"it-json\"}", START, END, 3);
    // Structured metadata shows up as labels, so each entry is its own stream, sorted by labels.
    runner.$(
        http()
            .client(client)
            .send()
            .get("/loki/api/v1/query_range?" + range("{app=\"it-json\"}", "backward", 10)));
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      Line l = sent.get(i);
      expected
          .append(i == 0 ? "" : ",")
          .append(
              """
          {"stream":{"app":"it-json","detected_level":"warn","service_name":"it-json","trace_id":"t%d"},
           "values":[["%d",%s]]}"""
                  .formatted(i, l.tsNanos(), LokiPushes.quote(l.text())));
    }
    runner.$(
        http()
            .client(client)
            .receive()
            .response(HttpStatus.OK)
            .message()
            .type(MessageType.JSON)
            .body(
                "{\"status\":\"success\",\"data\":{\"resultType\":\"streams\",\"result\":["
                    + expected
                    + "],\"stats\":\"@ignore@\"}}")
            .validate(
                jsonPath()
                    .expressions(
                        Map.of(
                            "$.data.result[0].stream.trace_id",
                            "t0",
                            "$.data.result[1].stream.trace_id",
                            "t1",
                            "$.data.result[2].stream.trace_id",
                            "t2"))));
  }

  @Test
  @CitrusTest
  void gzipJsonPushAndLineFiltersAndLimit(@CitrusResource TestCaseRunner runner) {
    List<Line> sent = lines("gz", 6, NOW - 100_000_000_000L);
    byte[] body = LokiPushes.gzip(LokiPushes.json(Map.of("app", "it-gzip"), sent));
    runner.$(
        http()
            .client(client)
            .send()
            .post("/loki/api/v1/push")
            .message()
            .contentType("application/json")
            .header("Content-Encoding", "gzip")
            .body(ctx -> body));
    runner.$(http().client(client).receive().response(HttpStatus.NO_CONTENT));

    LokiQueries.awaitEntries(skald.url(), "{app=\"it-gzip\"}", START, END, 6);
    // |= keeps gz 1..5 minus the != "gz 3" line; limit 2 backward keeps the newest two.
    runner.$(
        http()
            .client(client)
            .send()
            .get(
                "/loki/api/v1/query_range?"
                    + range(
                        "{app=~\"it-g.*\"} |= \"gz\" != \"gz 5\" |~ \"gz [0-9]\"", "backward", 2)));
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
          {"stream":{"app":"it-gzip","detected_level":"info","service_name":"it-gzip"},
           "values":[%s]}],"stats":"@ignore@"}}"""
                    .formatted(values(List.of(sent.get(4), sent.get(3)))))
            .validate(jsonPath().expressions(inOrder(0, List.of(sent.get(4), sent.get(3))))));
  }

  @Test
  @CitrusTest
  void redundantSnappyEncodingAndDeflateBodiesAreAccepted(@CitrusResource TestCaseRunner runner) {
    List<Line> proto = lines("snappy-enc", 2, NOW - 40_000_000_000L);
    byte[] protoBody = LokiPushes.protobufSnappy("{app=\"it-enc\", kind=\"snappy\"}", proto);
    runner.$(
        http()
            .client(client)
            .send()
            .post("/loki/api/v1/push")
            .message()
            .contentType("application/x-protobuf")
            .header("Content-Encoding", "snappy")
            .body(ctx -> protoBody));
    runner.$(http().client(client).receive().response(HttpStatus.NO_CONTENT));
    List<Line> json = lines("deflate", 2, NOW - 30_000_000_000L);
    byte[] deflated =
        LokiPushes.deflate(LokiPushes.json(Map.of("app", "it-enc", "kind", "deflate"), json));
    runner.$(
        http()
            .client(client)
            .send()
            .post("/loki/api/v1/push")
            .message()
            .contentType("application/json")
            .header("Content-Encoding", "deflate")
            .body(ctx -> deflated));
    runner.$(http().client(client).receive().response(HttpStatus.NO_CONTENT));

    LokiQueries.awaitEntries(skald.url(), "{app=\"it-enc\"}", START, END, 4);
    runner.$(
        http()
            .client(client)
            .send()
            .get("/loki/api/v1/query_range?" + range("{app=\"it-enc\"}", "forward", 10)));
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
          {"stream":{"app":"it-enc","detected_level":"info","kind":"deflate","service_name":"it-enc"},"values":[%s]},
          {"stream":{"app":"it-enc","detected_level":"info","kind":"snappy","service_name":"it-enc"},"values":[%s]}],
         "stats":"@ignore@"}}"""
                    .formatted(values(json), values(proto)))
            .validate(
                jsonPath()
                    .expressions(
                        Map.of(
                            "$.data.result[0].stream.kind",
                            "deflate",
                            "$.data.result[1].stream.kind",
                            "snappy"))));
  }

  @Test
  @CitrusTest
  void labelsAndSeriesComeFromTheIndex(@CitrusResource TestCaseRunner runner) {
    byte[] body =
        LokiPushes.protobufSnappy(
            "{app=\"it-meta\", team=\"core\"}", lines("meta", 1, NOW - 50_000_000_000L));
    runner.$(
        http()
            .client(client)
            .send()
            .post("/loki/api/v1/push")
            .message()
            .contentType("application/x-protobuf")
            .body(ctx -> body));
    runner.$(http().client(client).receive().response(HttpStatus.NO_CONTENT));
    LokiQueries.awaitEntries(skald.url(), "{app=\"it-meta\"}", START, END, 1);

    String window = "start=" + START + "&end=" + END;
    runner.$(http().client(client).send().get("/loki/api/v1/label/team/values?" + window));
    runner.$(
        http()
            .client(client)
            .receive()
            .response(HttpStatus.OK)
            .message()
            .type(MessageType.JSON)
            .body("{\"status\":\"success\",\"data\":[\"core\"]}"));
    runner.$(
        http()
            .client(client)
            .send()
            .get(
                "/loki/api/v1/series?"
                    + window
                    + "&"
                    + LokiQueries.queryString(Map.of("match[]", "{team=\"core\"}"))));
    runner.$(
        http()
            .client(client)
            .receive()
            .response(HttpStatus.OK)
            .message()
            .type(MessageType.JSON)
            .body(
                "{\"status\":\"success\",\"data\":[{\"app\":\"it-meta\",\"service_name\":\"it-meta\",\"team\":\"core\"}]}"));
  }
}
