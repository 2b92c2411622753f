package io.skald.deletes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Validation texts of POST /loki/api/v1/delete, as request_handler.go writes them. */
class DeleteRequestParamsTest {

  static final Instant NOW = Instant.parse("2026-06-10T12:00:00.250Z");
  static final DeletionConfig CONFIG = DeletionConfig.defaults();

  static Map<String, String> params(String... kv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  static void rejects(Map<String, String> p, String text) {
    assertThatThrownBy(() -> DeleteRequestParams.parse(p, NOW, CONFIG))
        .as(p.toString())
        .isInstanceOf(DeleteApiException.class)
        .hasMessage(text)
        .extracting(e -> ((DeleteApiException) e).status())
        .isEqualTo(400);
  }

  @Test
  void acceptsAValidRequestAndDefaultsEndToNow() throws Exception {
    var d =
        DeleteRequestParams.parse(params("query", "{a=\"b\"}", "start", "1781000000"), NOW, CONFIG);
    assertThat(d.startMillis()).isEqualTo(1_781_000_000_000L);
    assertThat(d.endMillis()).isEqualTo(NOW.toEpochMilli());
    assertThat(d.shardInterval()).as("no line filter: not split").isZero();
  }

  @Test
  void errorTextsInLokisOrder() {
    rejects(params(), "query not set");
    rejects(params("start", "x"), "query not set");
    rejects(params("query", "not a query", "start", "x"), "invalid query expression");
    rejects(params("query", "{a=\"b\"}"), "start time not set");
    rejects(
        params("query", "{a=\"b\"}", "start", "yesterday", "end", "nonsense"),
        "invalid start time: require unix seconds or RFC3339 format");
    rejects(
        params("query", "{a=\"b\"}", "start", "1781000000", "end", "17810000000"),
        "invalid end time: require unix seconds or RFC3339 format");
    rejects(
        params("query", "{a=\"b\"}", "start", "1781000000", "end", "2026-06-10T12:00:01Z"),
        "deletes in the future are not allowed");
    rejects(
        params(
            "query", "{a=\"b\"}", "start", "2026-06-10T10:00:00Z", "end", "2026-06-10T10:00:00Z"),
        "start time can't be greater than or equal to end time");
    rejects(
        params(
            "query", "{a=\"b\"}", "start", "2026-06-10T11:00:00Z", "end", "2026-06-10T10:00:00Z"),
        "start time can't be greater than or equal to end time");
  }

  @Test
  void onlyQueriesWithAFilterAreSplit() throws Exception {
    for (String q :
        new String[] {"{a=\"b\"} | json | level=\"debug\"", "{a=\"b\"} | trace_id=\"t\""}) {
      assertThat(
              DeleteRequestParams.parse(
                      params("query", q, "start", "2026-06-01T00:00:00Z"), NOW, CONFIG)
                  .shardInterval())
          .as(q)
          .isEqualTo(Duration.ofHours(24));
    }
    for (String q : new String[] {"{a=\"b\"} | json", "{a=\"b\"} |= \"\""}) {
      assertThat(
              DeleteRequestParams.parse(
                      params("query", q, "start", "2026-06-01T00:00:00Z"), NOW, CONFIG)
                  .shardInterval())
          .as(q)
          .isZero();
    }
  }

  @Test
  void maxIntervalIsCheckedOnlyWithLineFilters() throws Exception {
    String q = "{a=\"b\"} |= \"x\"";
    var d =
        DeleteRequestParams.parse(params("query", q, "start", "2026-06-01T00:00:00Z"), NOW, CONFIG);
    assertThat(d.shardInterval()).isEqualTo(Duration.ofHours(24));
    d =
        DeleteRequestParams.parse(
            params("query", q, "start", "2026-06-01T00:00:00Z", "max_interval", "6h"), NOW, CONFIG);
    assertThat(d.shardInterval()).isEqualTo(Duration.ofHours(6));
    rejects(
        params("query", q, "start", "2026-06-01T00:00:00Z", "max_interval", "6d"),
        "invalid max_interval: valid time units are 's', 'm', 'h'");
    rejects(
        params("query", q, "start", "2026-06-01T00:00:00Z", "max_interval", "500ms"),
        "invalid max_interval: valid time units are 's', 'm', 'h'");
    rejects(
        params("query", q, "start", "2026-06-01T00:00:00Z", "max_interval", "25h"),
        "max_interval can't be greater than 24h0m0s");
    rejects(
        params(
            "query",
            q,
            "start",
            "2026-06-10T11:00:00Z",
            "end",
            "2026-06-10T11:30:00.5Z",
            "max_interval",
            "1h"),
        "max_interval can't be greater than the interval to be deleted (30m0.5s)");
    assertThat(
            DeleteRequestParams.parse(
                    params(
                        "query",
                        "{a=\"b\"}",
                        "start",
                        "2026-06-01T00:00:00Z",
                        "max_interval",
                        "garbage"),
                    NOW,
                    CONFIG)
                .shardInterval())
        .isZero();
  }

  @Test
  void timesAreRfc3339OrTenCharactersOfUnixSeconds() {
    long now = NOW.toEpochMilli();
    assertThat(DeleteRequestParams.parseTime("", now)).isEqualTo(now);
    assertThat(DeleteRequestParams.parseTime("1781000000", now)).isEqualTo(1_781_000_000_000L);
    assertThat(DeleteRequestParams.parseTime("17810000.5", now)).isEqualTo(17_810_000_500L);
    assertThat(DeleteRequestParams.parseTime("2026-06-01T00:00:00.123456Z", now))
        .isEqualTo(1_780_272_000_123L);
    assertThat(DeleteRequestParams.parseTime("2026-06-01T02:00:00+02:00", now))
        .isEqualTo(1_780_272_000_000L);
    for (String bad :
        new String[] {
          "178100000",
          "17810000000",
          "1781000000000",
          "2026-06-01",
          "2026-06-01T00:00Z",
          "now",
          "1.78e+9abc"
        }) {
      assertThatThrownBy(() -> DeleteRequestParams.parseTime(bad, now))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
