package io.skald.deletes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeleteQueryTest {

  @Test
  void aSelectorWithLineFilters() throws Exception {
    DeleteQuery q = DeleteQuery.parse("{app=\"api\", env=~\"prod|stage\"} |= \"password\" != `debug` |~ \"user=\\\\d+\" !~ \"(?i)TEST\"");
    assertThat(q.matchers()).hasSize(2);
    assertThat(q.filters()).extracting(LineFilter::op).containsExactly(
        LineFilter.Op.CONTAINS, LineFilter.Op.NOT_CONTAINS, LineFilter.Op.MATCHES, LineFilter.Op.NOT_MATCHES);
    assertThat(q.hasFilter()).isTrue();
    assertThat(q.matchesStream(Map.of("app", "api", "env", "stage"))).isTrue();
    assertThat(q.matchesStream(Map.of("app", "api", "env", "dev"))).isFalse();
    assertThat(q.selectsLine("password for user=12")).isTrue();
    assertThat(q.selectsLine("password for user=x")).isFalse();
    assertThat(q.selectsLine("debug password user=1")).isFalse();
    assertThat(q.selectsLine("password user=1 test")).isFalse();
  }

  @Test
  void orAlternatives() throws Exception {
    DeleteQuery q = DeleteQuery.parse("{a=\"b\"} |= \"x\" or \"y\" != \"z\" or \"w\"");
    assertThat(q.selectsLine("..y..")).isTrue();
    assertThat(q.selectsLine("..y..w")).isFalse();
    assertThat(q.selectsLine("nothing")).isFalse();
  }

  @Test
  void withoutFiltersEveryLineIsSelected() throws Exception {
    DeleteQuery q = DeleteQuery.parse("{a=\"b\"}");
    assertThat(q.hasFilter()).isFalse();
    assertThat(q.selectsLine("anything")).isTrue();
  }

  @Test
  void anythingElseIsAnInvalidQueryExpression() {
    for (String bad : List.of("{a=\"b\"} | json", "{a=\"b\"} |= \"x\" | level=\"error\"", "rate({a=\"b\"}[1m])",
        "{a=\"b\"} |> \"<_>\"", "{a=\"b\"} |= ip(\"1.1.1.1\")", "{a=\"b\"} |~ \"(\"", "{}", "app=\"x\"",
        "{a=\"b\"} |= \"x\" or", "{a=\"b\"} line_format \"x\"")) {
      assertThatThrownBy(() -> DeleteQuery.parse(bad)).as(bad)
          .isInstanceOf(DeleteApiException.class)
          .hasMessage("invalid query expression")
          .extracting(e -> ((DeleteApiException) e).status()).isEqualTo(400);
    }
  }
}
