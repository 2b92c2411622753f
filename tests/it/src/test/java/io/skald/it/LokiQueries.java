package io.skald.it;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** Plain HTTP helpers for waiting on conditions; exact checks are Citrus actions in the tests. */
final class LokiQueries {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private LokiQueries() {}

  static String queryString(Map<String, String> params) {
    StringJoiner j = new StringJoiner("&");
    params.forEach(
        (k, v) ->
            j.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return j.toString();
  }

  static JsonNode get(String baseUrl, String path, Map<String, String> params)
      throws IOException, InterruptedException {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(baseUrl + path + "?" + queryString(params)))
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body());
  }

  /** Counts entries a log query returns. */
  static int countEntries(String baseUrl, String query, long startNs, long endNs, int limit)
      throws IOException, InterruptedException {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("query", query);
    p.put("start", Long.toString(startNs));
    p.put("end", Long.toString(endNs));
    p.put("limit", Integer.toString(limit));
    int n = 0;
    for (JsonNode stream :
        get(baseUrl, "/loki/api/v1/query_range", p).path("data").path("result")) {
      n += stream.path("values").size();
    }
    return n;
  }

  /** Entries a query returns for a tenant (X-Scope-OrgID); the path carries the query string. */
  static int countAs(String baseUrl, String tenant, String pathAndQuery)
      throws IOException, InterruptedException {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .header("X-Scope-OrgID", tenant)
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    int n = 0;
    for (JsonNode stream : JSON.readTree(r.body()).path("data").path("result")) {
      n += stream.path("values").size();
    }
    return n;
  }

  /** Waits until the query sees {@code expected} entries: the freshness path (flush + index). */
  static void awaitEntries(String baseUrl, String query, long startNs, long endNs, int expected) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                countEntries(baseUrl, query, startNs, endNs, Math.max(expected, 1) + 10)
                    >= expected);
  }
}
