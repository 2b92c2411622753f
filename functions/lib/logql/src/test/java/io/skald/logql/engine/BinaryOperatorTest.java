package io.skald.logql.engine;

import static io.skald.logql.engine.EngineFixture.instant;
import static io.skald.logql.engine.EngineFixture.range;
import static io.skald.logql.engine.EngineFixture.render;
import static io.skald.logql.engine.EngineFixture.services;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Binary operators at t=30s. {@code X} is {@code count_over_time({app="api", env="prod"}[30s])} =
 * 3; {@code V} is {@code count_over_time({env=~".+"}[30s])} = api/prod 3, web/prod 2, api/dev 1.
 */
class BinaryOperatorTest {
  static final String X = "count_over_time({app=\"api\", env=\"prod\"}[30s])";
  static final String V = "count_over_time({env=~\".+\"}[30s])";
  static final String APP_ENV = "sum by (app, env) (" + V + ")";
  static final String APP = "sum by (app) (" + V + ")"; // api 4, web 2
  static final String XL = "{app=api, env=prod} 30=";

  static Stream<Arguments> withLiterals() {
    return Stream.of(
        Arguments.of(X + " + 1", "4"),
        Arguments.of(X + " - 1", "2"),
        Arguments.of(X + " * 2", "6"),
        Arguments.of(X + " / 2", "1.5"),
        Arguments.of(X + " % 2", "1"),
        Arguments.of(X + " ^ 2", "9"),
        Arguments.of(X + " / 0", "NaN"), // Loki guards division by zero with NaN
        Arguments.of(X + " % 0", "NaN"),
        Arguments.of("2 - " + X, "-1"),
        Arguments.of("6 / " + X, "2"),
        Arguments.of("2 ^ " + X, "8"),
        // comparisons filter and keep the vector's value, or give 0/1 with bool
        Arguments.of(X + " > 2", "3"),
        Arguments.of(X + " > 3", null),
        Arguments.of(X + " > bool 3", "0"),
        Arguments.of(X + " == bool 3", "1"),
        Arguments.of(X + " != 3", null),
        Arguments.of(X + " <= 3", "3"),
        Arguments.of("4 > " + X, "3"),
        Arguments.of("4 < " + X, null),
        Arguments.of("4 < bool " + X, "0"),
        Arguments.of(X + " * 2 > 5", "6"));
  }

  @ParameterizedTest
  @MethodSource("withLiterals")
  void vectorAndLiteral(String query, String expected) {
    List<String> out = render(instant(services(), query, 30));
    if (expected == null) {
      assertThat(out).isEmpty();
    } else {
      assertThat(out).containsExactly(XL + expected);
    }
  }

  static Stream<Arguments> vectorMatching() {
    return Stream.of(
        Arguments.of(
            V + " / " + V,
            List.of(
                "{app=api, env=dev} 30=1", "{app=api, env=prod} 30=1", "{app=web, env=prod} 30=1")),
        // comparisons keep the left value
        Arguments.of(
            V + " >= " + V,
            List.of(
                "{app=api, env=dev} 30=1", "{app=api, env=prod} 30=3", "{app=web, env=prod} 30=2")),
        Arguments.of(
            V + " > bool " + V,
            List.of(
                "{app=api, env=dev} 30=0", "{app=api, env=prod} 30=0", "{app=web, env=prod} 30=0")),
        Arguments.of(V + " > " + V, List.of()),
        // many-to-one: the many side keeps its labels
        Arguments.of(
            APP_ENV + " / on (app) group_left " + APP,
            List.of(
                "{app=api, env=dev} 30=0.25",
                "{app=api, env=prod} 30=0.75",
                "{app=web, env=prod} 30=1")),
        Arguments.of(
            APP_ENV + " / ignoring (env) group_left " + APP,
            List.of(
                "{app=api, env=dev} 30=0.25",
                "{app=api, env=prod} 30=0.75",
                "{app=web, env=prod} 30=1")),
        // one-to-many: the right side is the many side; the operands keep their order
        Arguments.of(
            APP + " / on (app) group_right " + APP_ENV,
            List.of(
                "{app=api, env=dev} 30=4",
                "{app=api, env=prod} 30=1.3333333333333333",
                "{app=web, env=prod} 30=1")),
        Arguments.of(
            APP + " > on (app) group_right " + APP_ENV,
            List.of("{app=api, env=dev} 30=4", "{app=api, env=prod} 30=4")),
        // group_left (team) copies team from the one side
        Arguments.of(
            V
                + " * on (app) group_left (team) label_replace("
                + APP
                + ", \"team\", \"t-$1\", \"app\", \"(.*)\")",
            List.of(
                "{app=api, env=dev, team=t-api} 30=4",
                "{app=api, env=prod, team=t-api} 30=12",
                "{app=web, env=prod, team=t-web} 30=4")),
        // one-to-one on/ignoring reduce the result labels
        Arguments.of(
            "sum by (app, env) (count_over_time({env=\"prod\"}[30s])) - on (app) "
                + "sum by (app) (count_over_time({env=\"prod\"}[30s]))",
            List.of("{app=api} 30=0", "{app=web} 30=0")),
        Arguments.of(
            "sum by (app, env) (count_over_time({env=\"prod\"}[30s])) - ignoring (env) "
                + "sum by (app) (count_over_time({env=\"prod\"}[30s]))",
            List.of("{app=api} 30=0", "{app=web} 30=0")),
        // no common labels: nothing matches
        Arguments.of(V + " + sum(" + V + ")", List.of()),
        Arguments.of(
            V + " + on () group_left sum(" + V + ")",
            List.of(
                "{app=api, env=dev} 30=7",
                "{app=api, env=prod} 30=9",
                "{app=web, env=prod} 30=8")));
  }

  @ParameterizedTest
  @MethodSource("vectorMatching")
  void vectorAndVector(String query, List<String> expected) {
    assertThat(render(instant(services(), query, 30))).containsExactlyElementsOf(expected);
  }

  static Stream<Arguments> setOperators() {
    return Stream.of(
        Arguments.of(
            V + " and count_over_time({app=\"api\"}[30s])",
            List.of("{app=api, env=dev} 30=1", "{app=api, env=prod} 30=3")),
        Arguments.of(
            V + " and on (env) count_over_time({app=\"web\"}[30s])",
            List.of("{app=api, env=prod} 30=3", "{app=web, env=prod} 30=2")),
        Arguments.of(V + " and count_over_time({app=\"nothing\"}[30s])", List.of()),
        Arguments.of(
            "count_over_time({app=\"api\"}[30s]) or count_over_time({app=\"web\"}[30s])",
            List.of(
                "{app=api, env=dev} 30=1", "{app=api, env=prod} 30=3", "{app=web, env=prod} 30=2")),
        Arguments.of(
            "count_over_time({app=\"api\"}[30s]) or on (env) count_over_time({app=\"web\"}[30s])",
            List.of("{app=api, env=dev} 30=1", "{app=api, env=prod} 30=3")),
        Arguments.of(
            "count_over_time({app=\"nothing\"}[30s]) or " + V,
            List.of(
                "{app=api, env=dev} 30=1", "{app=api, env=prod} 30=3", "{app=web, env=prod} 30=2")),
        Arguments.of(
            V + " unless on (app) count_over_time({app=\"web\"}[30s])",
            List.of("{app=api, env=dev} 30=1", "{app=api, env=prod} 30=3")),
        Arguments.of(
            V + " unless count_over_time({app=\"nothing\"}[30s])",
            List.of(
                "{app=api, env=dev} 30=1",
                "{app=api, env=prod} 30=3",
                "{app=web, env=prod} 30=2")));
  }

  @ParameterizedTest
  @MethodSource("setOperators")
  void setOperator(String query, List<String> expected) {
    assertThat(render(instant(services(), query, 30))).containsExactlyElementsOf(expected);
  }

  static Stream<Arguments> matchingErrors() {
    return Stream.of(
        Arguments.of(
            APP_ENV + " / on (app) " + APP,
            "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)"),
        Arguments.of(
            APP + " / on (app) " + APP_ENV,
            "found duplicate series on the right hand-side;many-to-many matching not allowed: "
                + "matching labels must be unique on one side"),
        Arguments.of(
            APP_ENV + " / on (app) group_left " + APP_ENV,
            "found duplicate series on the right hand-side;many-to-many matching not allowed: "
                + "matching labels must be unique on one side"),
        Arguments.of(
            APP_ENV + " / on (app) group_right " + APP_ENV,
            "found duplicate series on the left hand-side;many-to-many matching not allowed: "
                + "matching labels must be unique on one side"),
        // group_left (env) overwrites the label that told the many side apart
        Arguments.of(
            APP_ENV
                + " * on (app) group_left (env) label_replace("
                + APP
                + ", \"env\", \"x\", \"\", \"\")",
            "multiple matches for labels: grouping labels must ensure unique matches"));
  }

  @ParameterizedTest
  @MethodSource("matchingErrors")
  void matchingErrorsUseLokisText(String query, String message) {
    assertThatThrownBy(() -> instant(services(), query, 30))
        .isInstanceOfSatisfying(
            MetricQueryException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo(message);
              assertThat(e.httpStatus()).isEqualTo(500);
            });
  }

  @Test
  void binaryOperationsOverARange() {
    // count_over_time({env="prod"}[20s]): api 1 2 2 2, web - 1 2 1
    assertThat(
            render(range(services(), "sum(count_over_time({env=\"prod\"}[20s])) / 2", 10, 40, 10)))
        .containsExactly("{} 10=0.5 20=1.5 30=2 40=1.5");
    assertThat(
            render(
                range(
                    services(),
                    "count_over_time({app=\"api\", env=\"prod\"}[20s]) - on () count_over_time({app=\"web\"}[20s])",
                    10,
                    40,
                    10)))
        .containsExactly("{} 20=1 30=0 40=1");
    assertThat(render(range(services(), "count_over_time({env=\"prod\"}[20s]) > 1", 10, 40, 10)))
        .containsExactly("{app=api, env=prod} 20=2 30=2 40=2", "{app=web, env=prod} 30=2");
  }

  static Stream<Arguments> labelReplace() {
    String web = "count_over_time({app=\"web\"}[30s])";
    return Stream.of(
        Arguments.of(
            "label_replace(" + web + ", \"dst\", \"$1-x\", \"app\", \"(w)(.*)\")",
            List.of("{app=web, dst=w-x, env=prod} 30=2")),
        Arguments.of(
            "label_replace(" + web + ", \"x\", \"${name}_$2\", \"app\", \"(?P<name>w)(e)b\")",
            List.of("{app=web, env=prod, x=w_e} 30=2")),
        // $1x names the group "1x", which does not exist: empty, so x is not set
        Arguments.of(
            "label_replace(" + web + ", \"x\", \"$1x\", \"app\", \"(w)eb\")",
            List.of("{app=web, env=prod} 30=2")),
        Arguments.of(
            "label_replace(" + web + ", \"x\", \"$$1 ${1}x $\", \"app\", \"(w)eb\")",
            List.of("{app=web, env=prod, x=$1 wx $} 30=2")),
        // anchored: "we" does not match "web"
        Arguments.of(
            "label_replace(" + web + ", \"x\", \"y\", \"app\", \"we\")",
            List.of("{app=web, env=prod} 30=2")),
        // an empty result removes the label
        Arguments.of(
            "label_replace(" + V + ", \"app\", \"\", \"app\", \"api\")",
            List.of("{app=web, env=prod} 30=2", "{env=dev} 30=1", "{env=prod} 30=3")),
        // an absent source label is the empty string
        Arguments.of(
            "label_replace(" + web + ", \"x\", \"none\", \"missing\", \"\")",
            List.of("{app=web, env=prod, x=none} 30=2")));
  }

  @ParameterizedTest
  @MethodSource("labelReplace")
  void labelReplaceFunction(String query, List<String> expected) {
    assertThat(render(instant(services(), query, 30))).containsExactlyElementsOf(expected);
  }
}
