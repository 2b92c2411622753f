package io.skald.it;

import static org.citrusframework.http.actions.HttpActionBuilder.http;
import static org.citrusframework.validation.json.JsonPathMessageValidationContext.Builder.jsonPath;

import io.skald.it.LokiPushes.Line;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * With auth on (set by flag, as a user would), X-Scope-OrgID is required and tenants are isolated.
 */
@CitrusSupport
class TenancyIT {

  private static SkaldProcess skald;
  private static HttpClient client;
  private static final long NOW = System.currentTimeMillis() * 1_000_000L;

  @BeforeAll
  static void start() throws Exception {
    Path dir =
        Files.createDirectories(Path.of(System.getProperty("it.work.dir", "target/it-work")))
            .resolve("tenancy-" + System.nanoTime());
    skald = SkaldProcess.start(dir, Map.of("auth.enabled", "true"));
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
  void tenantsSeeOnlyTheirOwnLogs(@CitrusResource TestCaseRunner runner) {
    String body =
        LokiPushes.json(Map.of("app", "it-tenant"), List.of(new Line(NOW, "secret of team-a")));
    runner.$(
        http()
            .client(client)
            .send()
            .post("/loki/api/v1/push")
            .message()
            .contentType("application/json")
            .body(body));
    runner.$(
        http()
            .client(client)
            .receive()
            .response(HttpStatus.UNAUTHORIZED)
            .message()
            .type(MessageType.PLAINTEXT)
            .body("no org id\n"));
    runner.$(
        http()
            .client(client)
            .send()
            .post("/loki/api/v1/push")
            .message()
            .contentType("application/json")
            .header("X-Scope-OrgID", "team-a")
            .body(body));
    runner.$(http().client(client).receive().response(HttpStatus.NO_CONTENT));

    String window = "start=" + (NOW - 60_000_000_000L) + "&end=" + (NOW + 60_000_000_000L);
    String q = window + "&" + LokiQueries.queryString(Map.of("query", "{app=\"it-tenant\"}"));
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(
            () -> LokiQueries.countAs(skald.url(), "team-a", "/loki/api/v1/query_range?" + q) == 1);

    runner.$(
        http()
            .client(client)
            .send()
            .get("/loki/api/v1/query_range?" + q)
            .message()
            .header("X-Scope-OrgID", "team-b"));
    runner.$(
        http()
            .client(client)
            .receive()
            .response(HttpStatus.OK)
            .message()
            .type(MessageType.JSON)
            .validate(jsonPath().expression("$.data.result.size()", 0)));
    runner.$(
        http()
            .client(client)
            .send()
            .get("/loki/api/v1/query_range?" + q)
            .message()
            .header("X-Scope-OrgID", "team-a"));
    runner.$(
        http()
            .client(client)
            .receive()
            .response(HttpStatus.OK)
            .message()
            .type(MessageType.JSON)
            .validate(jsonPath().expression("$.data.result[0].values[0][1]", "secret of team-a")));
    runner.$(http().client(client).send().get("/loki/api/v1/labels?" + window));
    runner.$(
        http()
            .client(client)
            .receive()
            .response(HttpStatus.UNAUTHORIZED)
            .message()
            .type(MessageType.PLAINTEXT)
            .body("no org id\n"));
  }
}
