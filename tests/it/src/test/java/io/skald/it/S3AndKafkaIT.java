package io.skald.it;

import static org.citrusframework.http.actions.HttpActionBuilder.http;
import static org.citrusframework.validation.json.JsonPathMessageValidationContext.Builder.jsonPath;

import io.skald.harness.KafkaBroker;
import io.skald.harness.S3Server;
import io.skald.harness.SharedServers;
import io.skald.it.LokiPushes.Line;
import io.skald.schemas.Topics;
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
 * The same application on the engines users outgrow one machine with: a real Kafka broker as the
 * bus and a real S3 server (s3proxy) as the object store, both started from Maven artifacts.
 */
@CitrusSupport
class S3AndKafkaIT {

  private static SkaldProcess skald;
  private static HttpClient client;
  private static String bucket;
  private static final long NOW = System.currentTimeMillis() * 1_000_000L;

  @BeforeAll
  static void start() throws Exception {
    S3Server s3 = SharedServers.s3();
    KafkaBroker kafka = SharedServers.kafka();
    bucket = "loki-chunks-" + Long.toHexString(System.nanoTime());
    s3.createBucket(bucket);
    Map<String, String> options = new LinkedHashMap<>();
    options.put("bus.kind", "kafka");
    options.put("bus.kafka-bootstrap-servers", kafka.bootstrapServers());
    options.put("storage.kind", "s3");
    options.put("storage.bucket", bucket);
    options.put("storage.s3-endpoint", s3.endpoint().toString());
    options.put("storage.s3-region", s3.region());
    options.put("storage.s3-access-key", s3.accessKey());
    options.put("storage.s3-secret-key", s3.secretKey());
    // Unique consumer groups and topics: the broker is shared with other test classes.
    String run = Long.toHexString(System.nanoTime());
    options.put("chunker.topic", Topics.LOGS_PUSH + "." + run);
    options.put("ingest.topic", Topics.LOGS_PUSH + "." + run);
    options.put("chunker.storage-events-topic", Topics.STORAGE_EVENTS + "." + run);
    options.put("compactor.storage-events-topic", Topics.STORAGE_EVENTS + "." + run);
    options.put("chunker.consumer-group", "chunker-" + run);
    options.put("compactor.consumer-group", "compactor-" + run);
    Path dir =
        Files.createDirectories(Path.of(System.getProperty("it.work.dir", "target/it-work")))
            .resolve("s3kafka-" + run);
    skald = SkaldProcess.start(dir, options);
    client = HttpEndpoints.http().client().requestUrl(skald.url()).build();
  }

  @AfterAll
  static void stop() throws Exception {
    if (skald != null) {
      skald.close();
    }
  }

  @Test
  @CitrusTest
  void pushedLinesAreStoredInS3AndQueriedBack(@CitrusResource TestCaseRunner runner) {
    List<Line> sent = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      sent.add(new Line(NOW - 60_000_000_000L + i * 1_000_000L, "level=debug s3 line " + i));
    }
    byte[] body = LokiPushes.protobufSnappy("{app=\"it-s3\", cluster=\"a\"}", sent);
    runner.$(
        http()
            .client(client)
            .send()
            .post("/loki/api/v1/push")
            .message()
            .contentType("application/x-protobuf")
            .body(ctx -> body));
    runner.$(http().client(client).receive().response(HttpStatus.NO_CONTENT));

    long start = NOW - 120_000_000_000L;
    long end = NOW + 60_000_000_000L;
    LokiQueries.awaitEntries(skald.url(), "{app=\"it-s3\"}", start, end, 20);
    runner.$(
        http()
            .client(client)
            .send()
            .get(
                "/loki/api/v1/query_range?"
                    + LokiQueries.queryString(
                        Map.of(
                            "query",
                            "{cluster=\"a\"} |= \"line 1\"",
                            "start",
                            Long.toString(start),
                            "end",
                            Long.toString(end),
                            "direction",
                            "forward",
                            "limit",
                            "100"))));
    // "line 1" matches line 1 and lines 10..19: eleven entries, oldest first.
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("$.data.result[0].stream.app", "it-s3");
    order.put("$.data.result[0].stream.detected_level", "debug");
    order.put("$.data.result[0].values.size()", 11);
    order.put("$.data.result[0].values[0][1]", "level=debug s3 line 1");
    order.put("$.data.result[0].values[1][1]", "level=debug s3 line 10");
    order.put("$.data.result[0].values[10][1]", "level=debug s3 line 19");
    runner.$(
        http()
            .client(client)
            .receive()
            .response(HttpStatus.OK)
            .message()
            .type(MessageType.JSON)
            .validate(jsonPath().expressions(order)));
  }
}
