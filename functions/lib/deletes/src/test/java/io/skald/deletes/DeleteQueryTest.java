package io.skald.deletes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skald.labels.Label;
import io.skald.labels.LabelSet;
import io.skald.labels.MatchType;
import io.skald.labels.Matcher;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Delete queries are LogQL log queries, accepted as Loki's parseDeletionQuery accepts them. */
class DeleteQueryTest {

  static boolean selects(
      DeleteQuery q, Map<String, String> stream, String line, Label... metadata) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    return q.forStream(LabelSet.of(stream)).selects(0, b, 0, b.length, List.of(metadata));
  }

  static boolean selects(DeleteQuery q, String line) {
    return selects(q, Map.of("a", "b"), line);
  }

  @Test
  void aSelectorWithLineFilters() throws Exception {
    DeleteQuery q =
        DeleteQuery.parse(
            "{app=\"api\", env=~\"prod|stage\"} |= \"password\" != `debug` |~ \"user=\\\\d+\" !~ \"(?i)TEST\"");
    assertThat(q.matchers())
        .containsExactly(
            new Matcher("app", MatchType.EQ, "api"),
            new Matcher("env", MatchType.RE, "prod|stage"));
    assertThat(q.hasFilter()).isTrue();
    assertThat(q.matchesStream(Map.of("app", "api", "env", "stage"))).isTrue();
    assertThat(q.matchesStream(Map.of("app", "api", "env", "dev"))).isFalse();
    assertThat(q.matchesStream(Map.of("env", "prod"))).as("a missing label is empty").isFalse();
    assertThat(selects(q, "password for user=12")).isTrue();
    assertThat(selects(q, "password for user=x")).isFalse();
    assertThat(selects(q, "debug password user=1")).isFalse();
    assertThat(selects(q, "password user=1 test")).isFalse();
  }

  @Test
  void orAlternatives() throws Exception {
    DeleteQuery q = DeleteQuery.parse("{a=\"b\"} |= \"x\" or \"y\" != \"z\" or \"w\"");
    assertThat(selects(q, "..y..")).isTrue();
    assertThat(selects(q, "..y..w")).isFalse();
    assertThat(selects(q, "nothing")).isFalse();
  }

  @Test
  void withoutFiltersTheTimeRangeAloneDecides() throws Exception {
    for (String query :
        List.of("{a=\"b\"}", "{a=\"b\"} |= \"\"", "{a=\"b\"} | json", "{a=~\".*\"}", "{}")) {
      assertThat(DeleteQuery.parse(query).hasFilter()).as(query).isFalse();
    }
  }

  @Test
  void parsersAndLabelFiltersAsLokiAllowsThem() throws Exception {
    DeleteQuery level = DeleteQuery.parse("{a=\"b\"} | logfmt | level=\"debug\"");
    assertThat(level.hasFilter()).isTrue();
    assertThat(selects(level, "level=debug msg=x")).isTrue();
    assertThat(selects(level, "level=info msg=x")).isFalse();
    DeleteQuery metadata = DeleteQuery.parse("{a=\"b\"} | trace_id=\"t1\" |= \"secret\"");
    assertThat(selects(metadata, Map.of("a", "b"), "a secret", new Label("trace_id", "t1")))
        .isTrue();
    assertThat(selects(metadata, Map.of("a", "b"), "a secret", new Label("trace_id", "t2")))
        .isFalse();
    assertThat(selects(metadata, Map.of("a", "b"), "a secret")).isFalse();
    DeleteQuery pattern =
        DeleteQuery.parse("{a=\"b\"} |> \"user <_> logged in\" |= ip(\"10.0.0.0/8\")");
    assertThat(selects(pattern, "user 10.1.2.3 logged in")).isTrue();
    assertThat(selects(pattern, "user 192.168.0.1 logged in")).isFalse();
  }

  @Test
  void anythingElseIsAnInvalidQueryExpression() {
    for (String bad :
        List.of(
            "not a query",
            "rate({a=\"b\"}[1m])",
            "{a=\"b\"} |~ \"(\"",
            "app=\"x\"",
            "{a=\"b\"} |= \"x\" or",
            "{a=\"b\"} line_format \"x\"",
            "{a=\"b\"",
            "{a=\"\uDCFF\"}",
            "")) {
      assertThatThrownBy(() -> DeleteQuery.parse(bad))
          .as(bad)
          .isInstanceOf(DeleteApiException.class)
          .hasMessage("invalid query expression")
          .extracting(e -> ((DeleteApiException) e).status())
          .isEqualTo(400);
    }
  }
}
