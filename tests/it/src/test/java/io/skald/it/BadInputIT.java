package io.skald.it;

import static org.citrusframework.http.actions.HttpActionBuilder.http;
import static org.citrusframework.validation.json.JsonPathMessageValidationContext.Builder.jsonPath;

import io.skald.it.LokiPushes.Line;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
 * A careless client gets Loki's 4xx and text, and nothing already stored changes: the same query
 * returns the same answer before and after every bad request.
 */
@CitrusSupport
class BadInputIT {

  private static SkaldProcess skald;
  private static HttpClient client;
  private static final long NOW = System.currentTimeMillis() * 1_000_000L;
  private static final String WINDOW =
      "start=" + (NOW - 3_600_000_000_000L) + "&end=" + (NOW + 600_000_000_000L);

  @BeforeAll
  static void start() throws Exception {
    Path dir =
        Files.createDirectories(Path.of(System.getProperty("it.work.dir", "target/it-work")))
            .resolve("bad-" + System.nanoTime());
    skald = SkaldProcess.start(dir);
    client = HttpEndpoints.http().client().requestUrl(skald.url()).build();
  }

  @AfterAll
  static void stop() throws Exception {
    if (skald != null) {
      skald.close();
    }
  }

  private void push(
      TestCaseRunner runner,
      String contentType,
      String encoding,
      Object body,
      HttpStatus status,
      String text) {
    var send = http().client(client).send().post("/loki/api/v1/push").message();
    if (contentType != null) {
      send.contentType(contentType);
    }
    if (encoding != null) {
      send.header("Content-Encoding", encoding);
    }
    if (body instanceof byte[] bytes) {
      send.body(ctx -> bytes);
    } else {
      send.body((String) body);
    }
    runner.$(send);
    runner.$(
        http()
            .client(client)
            .receive()
            .response(status)
            .message()
            .type(MessageType.PLAINTEXT)
            .body(text));
  }

  /**
   * Over Loki's max_recv_msg_size (100 MiB): 413 in Loki's words, streamed so the test holds no
   * copy.
   */
  private static void assertBodyTooLarge() {
    long size = 100L * 1024 * 1024 + 1;
    try {
      java.net.http.HttpResponse<String> r =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(skald.uri().resolve("/loki/api/v1/push"))
                      .header("Content-Type", "application/x-protobuf")
                      .POST(
                          java.net.http.HttpRequest.BodyPublishers.fromPublisher(
                              java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                  () ->
                                      new java.io.InputStream() {
                                        private long left = size;

                                        @Override
                                        public int read() {
                                          return left-- > 0 ? 0 : -1;
                                        }

                                        @Override
                                        public int read(byte[] b, int off, int len) {
                                          if (left <= 0) {
                                            return -1;
                                          }
                                          int n = (int) Math.min(len, left);
                                          java.util.Arrays.fill(b, off, off + n, (byte) 0);
                                          left -= n;
                                          return n;
                                        }
                                      }),
                              size))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      org.assertj.core.api.Assertions.assertThat(r.statusCode()).isEqualTo(413);
      org.assertj.core.api.Assertions.assertThat(r.body())
          .isEqualTo(
              "request body too large: message size too large than max ("
                  + size
                  + " vs 104857600)\n");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Status and a body prefix, for texts that embed the server clock or a library's detail. */
  private static void assertReply(
      String path, String contentType, byte[] body, int status, String prefix) {
    try {
      java.net.http.HttpRequest.Builder b =
          java.net.http.HttpRequest.newBuilder(skald.uri().resolve(path));
      if (body != null) {
        if (contentType != null) {
          b.header("Content-Type", contentType);
        }
        b.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
      }
      java.net.http.HttpResponse<String> r =
          java.net.http.HttpClient.newHttpClient()
              .send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      org.assertj.core.api.Assertions.assertThat(r.statusCode()).isEqualTo(status);
      org.assertj.core.api.Assertions.assertThat(r.body()).startsWith(prefix).endsWith("\n");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void query(TestCaseRunner runner, String params, String text) {
    runner.$(http().client(client).send().get("/loki/api/v1/query_range?" + params));
    runner.$(
        http()
            .client(client)
            .receive()
            .response(HttpStatus.BAD_REQUEST)
            .message()
            .type(MessageType.PLAINTEXT)
            .body(text));
  }

  private void assertStoredUnchanged(TestCaseRunner runner) {
    runner.$(
        http()
            .client(client)
            .send()
            .get(
                "/loki/api/v1/query_range?"
                    + WINDOW
                    + "&"
                    + LokiQueries.queryString(Map.of("query", "{app=\"it-bad\"}"))));
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
                            1,
                            "$.data.result[0].values.size()",
                            2,
                            "$.data.result[0].values[0][1]",
                            "kept later",
                            "$.data.result[0].values[1][1]",
                            "kept"))));
  }

  @Test
  @CitrusTest
  void badPushesAndQueriesGetLokisStatusAndText(@CitrusResource TestCaseRunner runner) {
    String good =
        LokiPushes.json(Map.of("app", "it-bad"), List.of(new Line(NOW - 1_000_000L, "kept")));
    push(runner, "application/json", null, good, HttpStatus.NO_CONTENT, "");
    // Partial acceptance: the valid entry is stored, the old one is reported.
    String mixed =
        LokiPushes.json(
            Map.of("app", "it-bad"),
            List.of(new Line(1_000_000_000L, "too old"), new Line(NOW, "kept later")));
    // The cutoff in the text depends on the server clock, so this one is checked by prefix.
    assertReply(
        "/loki/api/v1/push",
        "application/json",
        mixed.getBytes(),
        400,
        "entry for stream '{app=\"it-bad\", service_name=\"it-bad\"}' has timestamp too old: 1970-01-01T00:00:01Z, "
            + "oldest acceptable timestamp is: ");
    LokiQueries.awaitEntries(
        skald.url(), "{app=\"it-bad\"}", NOW - 3_600_000_000_000L, NOW + 600_000_000_000L, 2);
    assertStoredUnchanged(runner);

    // Citrus' client always sends a Content-Type, so this one goes out through the JDK client.
    assertReply("/loki/api/v1/push", null, good.getBytes(), 400, "mime: no media type\n");
    push(
        runner,
        "application/x-protobuf",
        null,
        "not snappy at all".getBytes(),
        HttpStatus.BAD_REQUEST,
        "snappy: corrupt input\n");
    push(
        runner,
        "application/json",
        "br",
        good,
        HttpStatus.BAD_REQUEST,
        "Content-Encoding \"br\" not supported\n");
    push(
        runner,
        "application/json",
        null,
        "{\"streams\":[]}",
        HttpStatus.UNPROCESSABLE_ENTITY,
        "error at least one valid stream is required for ingestion\n");
    // Decode errors carry the JSON decoder's detail after Loki's type path.
    assertReply(
        "/loki/api/v1/push",
        "application/json",
        ("{\"streams\":[{\"stream\":{\"app\":\"it-bad\"},\"values\":[["
                + NOW
                + ",\"number ts\"]]}]}")
            .getBytes(),
        400,
        "loghttp.PushRequest.");
    assertReply(
        "/loki/api/v1/push",
        "application/json",
        ("{\"streams\":[{\"stream\":{\"app\":\"it-bad\"},\"values\":[[\"" + NOW + "\",\"x\"")
            .getBytes(),
        400,
        "loghttp.PushRequest.");
    assertReply(
        "/loki/api/v1/push",
        "application/x-protobuf",
        LokiPushes.protobufSnappy("{app=}", List.of(new Line(NOW, "bad labels"))),
        400,
        "couldn't parse labels: ");
    assertBodyTooLarge();
    String huge = "x".repeat(256 * 1024 + 1);
    push(
        runner,
        "application/json",
        null,
        LokiPushes.json(Map.of("app", "it-bad"), List.of(new Line(NOW, huge))),
        HttpStatus.BAD_REQUEST,
        "max entry size '262144' bytes exceeded for stream '{app=\"it-bad\", service_name=\"it-bad\"}' "
            + "while adding an entry with length '262145' bytes\n");

    query(
        runner,
        WINDOW + "&" + LokiQueries.queryString(Map.of("query", "{app=\"it-bad\"")),
        "parse error at line 1, col 14: syntax error: unexpected $end, expecting } or ,\n");
    query(
        runner,
        WINDOW + "&" + LokiQueries.queryString(Map.of("query", "{app=~\".*\"}")),
        "parse error : queries require at least one regexp or equality matcher that does not have an empty-compatible value. "
            + "For instance, app=~\".*\" does not meet this requirement, but app=~\".+\" will\n");
    query(
        runner,
        WINDOW + "&limit=0&" + LokiQueries.queryString(Map.of("query", "{app=\"it-bad\"}")),
        "limit must be a positive value\n");
    query(
        runner,
        WINDOW + "&limit=5001&" + LokiQueries.queryString(Map.of("query", "{app=\"it-bad\"}")),
        "max entries limit per query exceeded, limit > max_entries_limit_per_query (5001 > 5000)\n");
    query(
        runner,
        "start=20&end=10&" + LokiQueries.queryString(Map.of("query", "{app=\"it-bad\"}")),
        "end timestamp must not be before or equal to start time\n");
    query(
        runner,
        WINDOW + "&direction=up&" + LokiQueries.queryString(Map.of("query", "{app=\"it-bad\"}")),
        "invalid direction 'up'\n");
    assertReply(
        "/loki/api/v1/query_range?"
            + WINDOW
            + "&"
            + LokiQueries.queryString(Map.of("query", "{app=\"it-bad\"} |~ \"(\"")),
        null,
        null,
        400,
        "parse error : stage '|~ \"(\"' : error parsing regexp: ");
    runner.$(
        http()
            .client(client)
            .send()
            .get(
                "/loki/api/v1/query?"
                    + LokiQueries.queryString(Map.of("query", "{app=\"it-bad\"}"))));
    runner.$(
        http()
            .client(client)
            .receive()
            .response(HttpStatus.BAD_REQUEST)
            .message()
            .type(MessageType.PLAINTEXT)
            .body(
                "log queries are not supported as an instant query type, please change your query to a range query type\n"));

    // Paths and methods Loki's router does not know: Go's 404 page and an empty 405.
    runner.$(http().client(client).send().get("/loki/api/v1/no_such_route"));
    runner.$(
        http()
            .client(client)
            .receive()
            .response(HttpStatus.NOT_FOUND)
            .message()
            .type(MessageType.PLAINTEXT)
            .body("404 page not found\n"));
    runner.$(http().client(client).send().get("/loki/api/v1/push"));
    runner.$(http().client(client).receive().response(HttpStatus.METHOD_NOT_ALLOWED));

    assertStoredUnchanged(runner);
  }

  /** A GET or a form POST with the query string or body exactly as given (already URL-encoded). */
  private static java.net.http.HttpResponse<String> raw(
      String method, String path, String query, byte[] form) {
    try {
      java.net.http.HttpRequest.Builder b =
          java.net.http.HttpRequest.newBuilder(
              URI.create(skald.url() + path + (query == null ? "" : "?" + query)));
      if (form != null) {
        b.header("Content-Type", "application/x-www-form-urlencoded")
            .method(method, java.net.http.HttpRequest.BodyPublishers.ofByteArray(form));
      } else {
        b.method(method, java.net.http.HttpRequest.BodyPublishers.noBody());
      }
      return java.net.http.HttpClient.newHttpClient()
          .send(
              b.build(), java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void assertRaw(java.net.http.HttpResponse<String> r, int status, String body) {
    org.assertj.core.api.Assertions.assertThat(r.statusCode())
        .as(r.uri() + " " + r.body())
        .isEqualTo(status);
    if (body != null) {
      org.assertj.core.api.Assertions.assertThat(r.body()).as(r.uri().toString()).isEqualTo(body);
    }
  }

  /**
   * Loki reads these with syntax.ParseMatchers: a pipeline is 400 ErrParseMatchers, per endpoint.
   */
  @Test
  void selectorOnlyParametersRefuseAPipelineWithLokisText() {
    String pipeline = LokiQueries.queryString(Map.of("query", "{app=\"it-bad\"} |= \"x\""));
    String only = "only label matchers are supported\n";
    assertRaw(
        raw(
            "GET",
            "/loki/api/v1/series",
            WINDOW + "&" + LokiQueries.queryString(Map.of("match[]", "{app=\"it-bad\"} |= \"x\"")),
            null),
        400,
        only);
    assertRaw(
        raw(
            "POST",
            "/loki/api/v1/series",
            null,
            LokiQueries.queryString(Map.of("match[]", "{app=\"it-bad\"} | json"))
                .getBytes(StandardCharsets.UTF_8)),
        400,
        only);
    for (String path :
        List.of(
            "/loki/api/v1/labels",
            "/loki/api/v1/label/app/values",
            "/loki/api/v1/index/stats",
            "/loki/api/v1/index/volume",
            "/loki/api/v1/index/volume_range",
            "/loki/api/v1/detected_labels",
            "/loki/api/v1/patterns")) {
      assertRaw(raw("GET", path, WINDOW + "&" + pipeline, null), 400, only);
    }
    // Loki does not ask series matchers for a selective one.
    assertRaw(
        raw(
            "GET",
            "/loki/api/v1/series",
            WINDOW + "&" + LokiQueries.queryString(Map.of("match[]", "{app=~\".*\"}")),
            null),
        200,
        null);
    // A plain selector still works everywhere.
    String selector = LokiQueries.queryString(Map.of("query", "{app=\"it-bad\"}"));
    for (String path :
        List.of(
            "/loki/api/v1/labels",
            "/loki/api/v1/index/stats",
            "/loki/api/v1/index/volume",
            "/loki/api/v1/detected_labels")) {
      assertRaw(raw("GET", path, WINDOW + "&" + selector, null), 200, null);
    }
  }

  /**
   * Loki's lexer refuses bytes that are not UTF-8; the server must not turn them into U+FFFD and
   * run the query.
   */
  @Test
  void invalidUtf8InAQueryIsAParseError() {
    String bad = "parse error at line 1, col 6: invalid UTF-8 encoding\n";
    assertRaw(
        raw("GET", "/loki/api/v1/query_range", WINDOW + "&query=%7Bapp%3D%22%FF%22%7D", null),
        400,
        bad);
    assertRaw(
        raw("GET", "/loki/api/v1/series", WINDOW + "&match%5B%5D=%7Bapp%3D%22%FF%22%7D", null),
        400,
        bad);
    assertRaw(
        raw(
            "POST",
            "/loki/api/v1/query_range",
            null,
            (WINDOW + "&query=%7Bapp%3D%22%FF%22%7D").getBytes(StandardCharsets.US_ASCII)),
        400,
        bad);
    byte[] rawByte =
        (WINDOW + "&query={app=\"x\"} |= \"\u0001\"").getBytes(StandardCharsets.US_ASCII);
    rawByte[rawByte.length - 2] = (byte) 0xFF; // a raw byte in the form body, not an escape
    assertRaw(
        raw("POST", "/loki/api/v1/query_range", null, rawByte),
        400,
        "parse error at line 1, col 14: invalid UTF-8 encoding\n");
    assertRaw(
        raw(
            "GET",
            "/loki/api/v1/query_range",
            WINDOW
                + "&query=sum%28count_over_time%28%7Bapp%3D%22it-bad%22%7D+%7C%3D+%22%E2%82%22%5B1m%5D%29%29",
            null),
        400,
        "parse error at line 1, col 39: invalid UTF-8 encoding\n");
    // The delete API answers every unparsable query with Loki's one text.
    assertRaw(
        raw("POST", "/loki/api/v1/delete", "query=%7Bapp%3D%22%FF%22%7D&start=1", null),
        400,
        "invalid query expression\n");
    // Valid UTF-8, even U+FFFD itself, still runs.
    assertRaw(
        raw(
            "GET",
            "/loki/api/v1/query_range",
            WINDOW + "&query=%7Bapp%3D%22%C3%A9%EF%BF%BD%22%7D",
            null),
        200,
        null);
  }
}
