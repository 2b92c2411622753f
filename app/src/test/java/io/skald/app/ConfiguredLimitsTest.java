package io.skald.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The limits an operator configures are the ones clients meet, in Loki's words. */
class ConfiguredLimitsTest {

  @TempDir Path dir;
  private EmbeddedServer server;

  @BeforeEach
  void start() {
    server =
        ApplicationContext.run(
            EmbeddedServer.class,
            Map.of(
                "skald.target",
                "ingest",
                "skald.data-dir",
                dir.toString(),
                "skald.port",
                "-1",
                "skald.limits.max-line-size",
                "100"));
  }

  @AfterEach
  void stop() {
    server.getApplicationContext().close();
  }

  @Test
  void aPushOverTheConfiguredMaxLineSizeGetsLokis400WithThatSize() throws Exception {
    long now = System.currentTimeMillis() * 1_000_000L;
    String body =
        "{\"streams\":[{\"stream\":{\"app\":\"x\"},\"values\":[[\""
            + now
            + "\",\""
            + "y".repeat(101)
            + "\"],[\""
            + now
            + "\",\""
            + "z".repeat(100)
            + "\"]]}]}";
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.getURL() + "/loki/api/v1/push"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body())
        .isEqualTo(
            "max entry size '100' bytes exceeded for stream '{app=\"x\", service_name=\"x\"}' "
                + "while adding an entry with length '101' bytes\n");
  }
}
