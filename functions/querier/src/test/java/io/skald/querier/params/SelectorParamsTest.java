package io.skald.querier.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skald.labels.MatchType;
import io.skald.labels.Matcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Selector-only parameters, endpoint by endpoint, as Loki reads them. */
class SelectorParamsTest {

  static final String ONLY_MATCHERS = "only label matchers are supported";
  static final String EMPTY_COMPATIBLE =
      "parse error : queries require at least one regexp or equality matcher "
          + "that does not have an empty-compatible value. For instance, app=~\".*\" does not meet this requirement, "
          + "but app=~\".+\" will";

  static Params params(String... kv) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.computeIfAbsent(kv[i], x -> new ArrayList<>()).add(kv[i + 1]);
    }
    return Params.of(m, null, null);
  }

  static void rejects(Runnable call, String text) {
    assertThatThrownBy(call::run).isInstanceOf(BadRequestException.class).hasMessage(text);
  }

  @Test
  void seriesMatchersRefusePipelinesButNotEmptyCompatibleMatchers() {
    rejects(
        () -> SelectorParams.seriesGroups(params("match[]", "{app=\"a\"} |= \"x\"")),
        ONLY_MATCHERS);
    rejects(
        () -> SelectorParams.seriesGroups(params("match", "sum(rate({app=\"a\"}[1m]))")),
        ONLY_MATCHERS);
    assertThat(SelectorParams.seriesGroups(params("match[]", "{app=~\".*\"}")))
        .containsExactly(List.of(new Matcher("app", MatchType.RE, ".*")));
  }

  @Test
  void seriesGroupsAreTheUnionOfBothNamesAndASingleEmptySelectorIsEverything() {
    assertThat(
            SelectorParams.seriesGroups(
                params("match[]", "{b=\"2\"}", "match", "{a=\"1\"}", "match[]", "{a=\"1\"}")))
        .containsExactly(
            List.of(new Matcher("a", MatchType.EQ, "1")),
            List.of(new Matcher("b", MatchType.EQ, "2")));
    assertThat(SelectorParams.seriesGroups(params())).isEmpty();
    assertThat(SelectorParams.seriesGroups(params("match[]", "{ }"))).isEmpty();
    rejects(
        () -> SelectorParams.seriesGroups(params("match[]", "{}", "match[]", "{a=\"1\"}")),
        "0 matchers in group: {}");
    rejects(
        () -> SelectorParams.seriesGroups(params("match[]", "")),
        "parse error : syntax error: unexpected $end");
  }

  @Test
  void labelsAndDetectedLabelsTakeAnOptionalValidatedSelector() {
    assertThat(SelectorParams.optional("")).isEmpty();
    assertThat(SelectorParams.optional("{app=\"a\"}")).hasSize(1);
    rejects(() -> SelectorParams.optional("{app=\"a\"} | json"), ONLY_MATCHERS);
    rejects(() -> SelectorParams.optional("{app=~\".*\"}"), EMPTY_COMPATIBLE);
  }

  @Test
  void indexStatsVolumeAndPatternsRequireAValidatedSelector() {
    assertThat(SelectorParams.required("{app=\"a\"}")).hasSize(1);
    rejects(() -> SelectorParams.required(""), "parse error : syntax error: unexpected $end");
    rejects(() -> SelectorParams.required("{app=\"a\"} |= \"x\""), ONLY_MATCHERS);
    rejects(() -> SelectorParams.required("count_over_time({app=\"a\"}[1m])"), ONLY_MATCHERS);
    rejects(() -> SelectorParams.required("{app=~\".*\"}"), EMPTY_COMPATIBLE);
  }

  @Test
  void invalidUtf8IsAParseError() {
    rejects(
        () -> SelectorParams.seriesGroups(params("match[]", "{app=\"\uDCFF\"}")),
        "parse error at line 1, col 6: invalid UTF-8 encoding");
    rejects(
        () -> SelectorParams.required("{app=\"\uDCFF\"}"),
        "parse error at line 1, col 6: invalid UTF-8 encoding");
  }
}
