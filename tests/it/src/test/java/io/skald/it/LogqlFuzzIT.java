package io.skald.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Property test: ~300 random but syntactically valid LogQL queries from a small grammar (seeded, so
 * a failure is reproducible with {@code -Dlogql.fuzz.seed=<seed>}) against the real server. The
 * server may answer 200 or 400, never 5xx, and always within a bounded time.
 */
class LogqlFuzzIT {

  private static final long SEED = Long.getLong("logql.fuzz.seed", 20240611L);
  private static final int QUERIES = Integer.getInteger("logql.fuzz.count", 300);
  private static final Duration BOUND = Duration.ofSeconds(10);
  private static final long SECOND = 1_000_000_000L;
  private static final long BASE =
      (System.currentTimeMillis() * 1_000_000L / (60 * SECOND) - 30) * 60 * SECOND;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private static SkaldProcess skald;

  @BeforeAll
  static void start() throws Exception {
    Path dir =
        Files.createDirectories(Path.of(System.getProperty("it.work.dir", "target/it-work")))
            .resolve("logql-fuzz-" + System.nanoTime());
    skald = SkaldProcess.start(dir);
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode streams = body.putArray("streams");
    String[] apps = {"fz-a", "fz-b"};
    String[] envs = {"prod", "dev"};
    Random r = new Random(7);
    int n = 0;
    for (String app : apps) {
      for (String env : envs) {
        ObjectNode s = streams.addObject();
        s.putObject("stream").put("app", app).put("env", env);
        ArrayNode values = s.putArray("values");
        for (int i = 0; i < 40; i++) {
          long ts = BASE + (i * 30L + r.nextInt(25)) * SECOND;
          String line =
              switch (i % 4) {
                case 0 ->
                    "level=info status="
                        + (200 + r.nextInt(3) * 100)
                        + " latency="
                        + r.nextInt(900)
                        + "ms size="
                        + r.nextInt(4)
                        + "KB msg=\"ok "
                        + i
                        + "\"";
                case 1 ->
                    "{\"level\":\"error\",\"status\":"
                        + (400 + r.nextInt(2) * 100)
                        + ",\"latency\":"
                        + r.nextDouble()
                        + ",\"user\":{\"id\":\"u"
                        + i
                        + "\"}}";
                case 2 ->
                    "10.0.0." + i + " - - \"GET /api/" + i + " HTTP/1.1\" 200 " + r.nextInt(5000);
                default -> "\u001b[31mplain text " + i + "\u001b[0m with 192.168.1." + i;
              };
          ArrayNode v = values.addArray().add(Long.toString(ts)).add(line);
          if (i % 3 == 0) {
            v.addObject().put("trace_id", "t" + i);
          }
          n++;
        }
      }
    }
    HttpResponse<String> push =
        HTTP.send(
            HttpRequest.newBuilder(skald.uri().resolve("/loki/api/v1/push"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(push.statusCode()).as(push.body()).isEqualTo(204);
    LokiQueries.awaitEntries(
        skald.url(), "{app=~\"fz-.+\"}", BASE - 60 * SECOND, BASE + 3600 * SECOND, n);
  }

  @AfterAll
  static void stop() throws Exception {
    if (skald != null) {
      skald.close();
    }
  }

  @Test
  void randomValidQueriesNeverFailWithServerErrors() throws Exception {
    QueryGrammar g = new QueryGrammar(new Random(SEED));
    List<String> failures = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    int ok = 0;
    int badRequest = 0;
    for (int i = 0; i < QUERIES; i++) {
      boolean metric = g.r.nextInt(3) != 0;
      String q = metric ? g.metricExpr(0) : g.logExpr();
      boolean instant = metric && g.r.nextInt(3) == 0;
      Map<String, String> p = new LinkedHashMap<>();
      p.put("query", q);
      String path;
      if (instant) {
        path = "/loki/api/v1/query";
        p.put("time", Long.toString(BASE + (300 + g.r.nextInt(900)) * SECOND));
      } else {
        path = "/loki/api/v1/query_range";
        long start = BASE + g.r.nextInt(600) * SECOND;
        p.put("start", Long.toString(start));
        p.put("end", Long.toString(start + (60 + g.r.nextInt(1200)) * SECOND));
        p.put("step", g.pick("15s", "30s", "60s", "1m", "120000ms", "7"));
        p.put("limit", Integer.toString(1 + g.r.nextInt(200)));
        p.put("direction", g.pick("forward", "backward"));
      }
      long t0 = System.nanoTime();
      HttpResponse<String> resp;
      try {
        resp =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(skald.url() + path + "?" + LogqlGolden.form(p)))
                    .timeout(BOUND.plusSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
      } catch (java.net.http.HttpTimeoutException e) {
        failures.add("#" + i + " timed out: " + q);
        continue;
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      if (resp.statusCode() >= 500) {
        failures.add(
            "#"
                + i
                + " "
                + resp.statusCode()
                + " "
                + abbreviate(resp.body())
                + "\n    query: "
                + q
                + "\n    params: "
                + p);
      } else if (ms > BOUND.toMillis()) {
        failures.add("#" + i + " took " + ms + " ms: " + q);
      } else if (resp.statusCode() == 200) {
        ok++;
      } else {
        badRequest++;
        rejected.add(
            resp.statusCode()
                + " "
                + abbreviate(resp.body()).replace('\n', ' ')
                + "\n    query: "
                + q);
      }
    }
    System.out.printf(
        "LogqlFuzzIT seed=%d: %d answered 200, %d answered 4xx, %d failures%n",
        SEED, ok, badRequest, failures.size());
    rejected.forEach(x -> System.out.println("  4xx " + x));
    failures.forEach(x -> System.out.println("  FAIL " + x));
    assertThat(failures).as("seed " + SEED + ": 5xx or slow answers").isEmpty();
    assertThat(ok).as("most generated queries should be valid").isGreaterThan(QUERIES / 2);
  }

  private static String abbreviate(String s) {
    return s.length() > 500 ? s.substring(0, 500) + "..." : s;
  }

  /**
   * A small LogQL grammar: selectors, filters, parsers, label filters, formatting, range and vector
   * aggregations, binary ops.
   */
  static final class QueryGrammar {
    final Random r;

    QueryGrammar(Random r) {
      this.r = r;
    }

    String pick(String... options) {
      return options[r.nextInt(options.length)];
    }

    String selector() {
      List<String> ms = new ArrayList<>();
      ms.add(
          pick(
              "app=\"fz-a\"",
              "app=\"fz-b\"",
              "app=~\"fz-.*\"",
              "app=~\"fz-(a|b)\"",
              "env=\"prod\""));
      if (r.nextBoolean()) {
        ms.add(pick("env=\"dev\"", "env!=\"prod\"", "env=~\"p.*\"", "env!~\"d.+\"", "nope=\"\""));
      }
      return "{" + String.join(", ", ms) + "}";
    }

    String lineFilter() {
      return pick(
          "|= \"level\"",
          "!= \"plain\"",
          "|~ \"status=[45]\\\\d\\\\d\"",
          "!~ \"(?i)GET\"",
          "|= \"ok\" or \"error\"",
          "|> \"<_> - - <_>\"",
          "!> \"<_>plain<_>\"",
          "|= ip(\"10.0.0.0/24\")",
          "!= ip(\"192.168.1.0-192.168.1.9\")",
          "|= \"\"");
    }

    String parser() {
      return pick(
          "| json",
          "| logfmt",
          "| logfmt --strict",
          "| logfmt --keep-empty",
          "| json status, lat=\"latency\"",
          "| logfmt status, latency",
          "| regexp \"(?P<ip>\\\\S+) - - \\\"(?P<method>\\\\w+)\"",
          "| pattern \"<ip> - - \\\"<method> <_>\"",
          "| unpack",
          "| json user_id=\"user.id\"");
    }

    String labelFilter() {
      String one =
          pick(
              "status >= 400",
              "status == 200",
              "latency > 100ms",
              "size > 1KB",
              "level=\"info\"",
              "level!~\"err.*\"",
              "__error__=\"\"",
              "__error__!=\"JSONParserErr\"",
              "ip = ip(\"10.0.0.0/8\")",
              "status < 500.5");
      return switch (r.nextInt(4)) {
        case 0 -> "| " + one + " or " + pick("level=\"error\"", "status != 300");
        case 1 -> "| (" + one + ", " + pick("env=\"prod\"", "trace_id=~\"t.*\"") + ")";
        default -> "| " + one;
      };
    }

    String formatting() {
      return pick(
          "| line_format \"{{.level}} {{ __line__ | lower }}\"",
          "| label_format lvl=level",
          "| label_format x=\"{{ .app | upper }}\"",
          "| drop trace_id",
          "| keep app, level",
          "| decolorize",
          "| line_format \"{{ trunc 10 __line__ }}\"",
          "| drop __error__, __error_details__",
          "| label_format ts=\"{{ __timestamp__ | unixEpoch }}\"");
    }

    String pipeline(int max) {
      StringBuilder b = new StringBuilder();
      int n = r.nextInt(max + 1);
      for (int i = 0; i < n; i++) {
        b.append(' ')
            .append(
                switch (r.nextInt(4)) {
                  case 0 -> lineFilter();
                  case 1 -> parser();
                  case 2 -> labelFilter();
                  default -> formatting();
                });
      }
      return b.toString();
    }

    String logExpr() {
      return selector() + pipeline(4);
    }

    String range() {
      return "["
          + pick("30s", "1m", "5m", "90s", "1h")
          + "]"
          + (r.nextInt(5) == 0 ? " offset " + pick("1m", "30s") : "");
    }

    String rangeAgg() {
      if (r.nextInt(3) == 0) {
        String conv = pick("latency", "duration(latency)", "bytes(size)", "status");
        String op =
            pick(
                "sum_over_time",
                "avg_over_time",
                "max_over_time",
                "min_over_time",
                "first_over_time",
                "last_over_time",
                "stddev_over_time",
                "stdvar_over_time",
                "rate",
                "rate_counter",
                "quantile_over_time");
        String param = op.equals("quantile_over_time") ? pick("0.5", "0.99", "0.1") + ", " : "";
        String grouping = "";
        if (!op.equals("sum_over_time")
            && !op.equals("rate")
            && !op.equals("rate_counter")
            && r.nextBoolean()) {
          grouping =
              " " + pick("by", "without") + " (" + pick("app", "env", "app, env", "level") + ")";
        }
        return op
            + "("
            + param
            + selector()
            + pipeline(2)
            + " | logfmt | unwrap "
            + conv
            + " | __error__=\"\" "
            + range()
            + ")"
            + grouping;
      }
      String op =
          pick("count_over_time", "rate", "bytes_over_time", "bytes_rate", "absent_over_time");
      String inner =
          r.nextBoolean() ? selector() + pipeline(3) + " " + range() : selector() + " " + range();
      return op + "(" + inner + ")";
    }

    String metricExpr(int depth) {
      int choice = depth > 2 ? r.nextInt(2) : r.nextInt(6);
      return switch (choice) {
        case 0 -> rangeAgg();
        case 1 -> pick("vector(1)", "vector(0)", "vector(42)");
        case 2 -> {
          String op =
              pick("sum", "avg", "min", "max", "count", "stddev", "stdvar", "sort", "sort_desc");
          String grouping =
              op.startsWith("sort") || r.nextBoolean()
                  ? ""
                  : " "
                      + pick("by", "without")
                      + " ("
                      + pick("app", "env", "app, env", "detected_level")
                      + ")";
          yield r.nextBoolean()
              ? op + grouping + " (" + metricExpr(depth + 1) + ")"
              : op + "(" + metricExpr(depth + 1) + ")" + grouping;
        }
        case 3 ->
            pick("topk", "bottomk") + "(" + (1 + r.nextInt(3)) + ", " + metricExpr(depth + 1) + ")";
        case 4 -> {
          String op =
              pick(
                  "+", "-", "*", "/", "%", "^", "==", "!=", ">", ">=", "<", "<=", "and", "or",
                  "unless");
          boolean setOp = op.equals("and") || op.equals("or") || op.equals("unless");
          boolean cmp = op.matches("[=!<>]=?|==");
          String mod = cmp && r.nextBoolean() ? " bool" : "";
          if (!setOp && r.nextBoolean()) {
            yield metricExpr(depth + 1) + " " + op + mod + " " + pick("2", "0.5", "-1", "10");
          }
          String matching =
              r.nextInt(3) == 0 ? " " + pick("on (app)", "ignoring (env)", "on ()") : "";
          yield "sum by (app) ("
              + metricExpr(depth + 1)
              + ") "
              + op
              + mod
              + matching
              + " sum by (app) ("
              + metricExpr(depth + 1)
              + ")";
        }
        default ->
            "label_replace("
                + metricExpr(depth + 1)
                + ", \"dst\", \"$1\", \""
                + pick("app", "env", "nope")
                + "\", \"(.*)\")";
      };
    }
  }
}
