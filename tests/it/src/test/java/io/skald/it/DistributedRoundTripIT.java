package io.skald.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citrusframework.http.actions.HttpActionBuilder.http;
import static org.citrusframework.validation.json.JsonPathMessageValidationContext.Builder.jsonPath;

import io.skald.harness.SharedServers;
import io.skald.it.LokiPushes.Line;
import io.skald.it.SkaldCluster.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
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
 * The distributed deployment: ingest, chunker, compactor and querier as four JVMs on a real Kafka
 * broker and a real S3 server. Lines pushed to the ingest process come back, exactly, from the
 * querier process; each process runs only its own target.
 */
@CitrusSupport
class DistributedRoundTripIT {

  private static final long NOW = System.currentTimeMillis() * 1_000_000L;
  private static final long START = NOW - 600_000_000_000L;
  private static final long END = NOW + 60_000_000_000L;

  private static SkaldCluster cluster;
  private static HttpClient ingest;
  private static HttpClient querier;

  @BeforeAll
  static void start() throws Exception {
    cluster = SkaldCluster.start("roundtrip", SharedServers.kafka(), SharedServers.s3(), Map.of());
    ingest = HttpEndpoints.http().client().requestUrl(cluster.ingest().url()).build();
    querier = HttpEndpoints.http().client().requestUrl(cluster.querier().url()).build();
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static List<Line> lines(String prefix, int n, long base, boolean withMetadata) {
    List<Line> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String text = "level=info msg=\"" + prefix + " " + i + "\"";
      out.add(
          withMetadata
              ? new Line(base + i * 1_000_000L, text, Map.of("trace_id", "t" + i))
              : new Line(base + i * 1_000_000L, text));
    }
    return out;
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

  private static void push(TestCaseRunner runner, String labels, List<Line> lines) {
    byte[] body = LokiPushes.protobufSnappy(labels, lines);
    runner.$(
        http()
            .client(ingest)
            .send()
            .post("/loki/api/v1/push")
            .message()
            .contentType("application/x-protobuf")
            .body(ctx -> body));
    runner.$(http().client(ingest).receive().response(HttpStatus.NO_CONTENT));
  }

  @Test
  @CitrusTest
  void protobufPushToIngestIsReadBackExactlyFromTheQuerier(@CitrusResource TestCaseRunner runner) {
    List<Line> plain = lines("dist", 5, NOW - 300_000_000_000L, false);
    List<Line> traced = lines("traced", 2, NOW - 200_000_000_000L, true);
    push(runner, "{app=\"dist-rt\", env=\"a\"}", plain);
    push(runner, "{app=\"dist-rt\", env=\"b\"}", traced);

    LokiQueries.awaitEntries(cluster.querier().url(), "{app=\"dist-rt\"}", START, END, 7);
    runner.$(
        http()
            .client(querier)
            .send()
            .get(
                "/loki/api/v1/query_range?"
                    + range("{app=\"dist-rt\", env=\"a\"} |= \"dist\"", "forward", 100)));
    Map<String, Object> order = new LinkedHashMap<>();
    for (int i = 0; i < plain.size(); i++) {
      order.put("$.data.result[0].values[" + i + "][0]", Long.toString(plain.get(i).tsNanos()));
    }
    runner.$(
        http()
            .client(querier)
            .receive()
            .response(HttpStatus.OK)
            .message()
            .type(MessageType.JSON)
            .body(
                """
        {"status":"success","data":{"resultType":"streams","result":[
          {"stream":{"app":"dist-rt","detected_level":"info","env":"a","service_name":"dist-rt"},
           "values":[%s]}],"stats":"@ignore@"}}"""
                    .formatted(values(plain)))
            .validate(jsonPath().expressions(order)));

    // Structured metadata is returned as labels, so each traced entry is its own stream.
    runner.$(
        http()
            .client(querier)
            .send()
            .get("/loki/api/v1/query_range?" + range("{env=\"b\"}", "backward", 10)));
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < traced.size(); i++) {
      expected
          .append(i == 0 ? "" : ",")
          .append(
              """
          {"stream":{"app":"dist-rt","detected_level":"info","env":"b","service_name":"dist-rt","trace_id":"t%d"},
           "values":[%s]}"""
                  .formatted(i, values(List.of(traced.get(i)))));
    }
    runner.$(
        http()
            .client(querier)
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
                            "t1"))));
  }

  @Test
  @CitrusTest
  void labelsAndSeriesComeFromTheIndexTheCompactorBuilt(@CitrusResource TestCaseRunner runner)
      throws Exception {
    push(
        runner,
        "{app=\"dist-meta\", team=\"core\"}",
        lines("meta", 2, NOW - 100_000_000_000L, false));
    push(
        runner,
        "{app=\"dist-meta\", team=\"edge\"}",
        lines("meta", 1, NOW - 90_000_000_000L, false));
    LokiQueries.awaitEntries(cluster.querier().url(), "{app=\"dist-meta\"}", START, END, 3);

    String window = "start=" + START + "&end=" + END;
    runner.$(http().client(querier).send().get("/loki/api/v1/label/team/values?" + window));
    runner.$(
        http()
            .client(querier)
            .receive()
            .response(HttpStatus.OK)
            .message()
            .type(MessageType.JSON)
            .body("{\"status\":\"success\",\"data\":[\"core\",\"edge\"]}"));
    runner.$(
        http()
            .client(querier)
            .send()
            .get(
                "/loki/api/v1/series?"
                    + window
                    + "&"
                    + LokiQueries.queryString(Map.of("match[]", "{team=\"core\"}"))));
    runner.$(
        http()
            .client(querier)
            .receive()
            .response(HttpStatus.OK)
            .message()
            .type(MessageType.JSON)
            .body(
                "{\"status\":\"success\",\"data\":[{\"app\":\"dist-meta\",\"service_name\":\"dist-meta\",\"team\":\"core\"}]}"));
    List<String> labels = new ArrayList<>();
    LokiQueries.get(
            cluster.querier().url(),
            "/loki/api/v1/labels",
            Map.of("start", Long.toString(START), "end", Long.toString(END)))
        .path("data")
        .forEach(n -> labels.add(n.asText()));
    assertThat(labels).contains("app", "team", "service_name").isSorted();
  }

  @Test
  void eachProcessRunsOnlyItsTarget() throws Exception {
    for (Role role : Role.values()) {
      Probes.Ready ready = Probes.ready(cluster.get(role));
      assertThat(ready.status()).as(role + " /ready").isEqualTo(200);
      assertThat(ready.body()).isEqualTo("ready\n");
    }
    // The HTTP APIs: push only on ingest, queries only on the querier.
    for (Role role : Role.values()) {
      SkaldProcess p = cluster.get(role);
      assertThat(Probes.status(p, "POST", "/loki/api/v1/push") == 404)
          .as(role + " has no push API")
          .isEqualTo(role != Role.INGEST);
      assertThat(Probes.status(p, "GET", "/loki/api/v1/labels"))
          .as(role + " labels")
          .isEqualTo(role == Role.QUERIER ? 200 : 404);
    }
    // The loops: each function's meters exist only in its own process...
    for (Role role : Role.values()) {
      String metrics = Probes.metrics(cluster.get(role));
      assertThat(metrics.contains("skald_chunker_"))
          .as(role + " runs the chunker")
          .isEqualTo(role == Role.CHUNKER);
      assertThat(metrics.contains("skald_compactor_"))
          .as(role + " runs the compactor")
          .isEqualTo(role == Role.COMPACTOR);
    }
    // ...and each consumer group has exactly one member: ingest and querier open no consumers.
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedServers.kafka().bootstrapServers()))) {
      String chunkerGroup = cluster.option("chunker.consumer-group");
      String compactorGroup = cluster.option("compactor.consumer-group");
      Map<String, ConsumerGroupDescription> groups =
          admin.describeConsumerGroups(List.of(chunkerGroup, compactorGroup)).all().get();
      assertThat(groups.get(chunkerGroup).members()).hasSize(1);
      assertThat(groups.get(compactorGroup).members()).hasSize(1);
    }
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
}
