package io.skald.deletes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectorParserTest {

  @Test
  void parsesAllMatcherTypesAndBothStringKinds() {
    List<LabelMatcher> m = SelectorParser.parseSelector(
        " { a = \"b\", c=~\"x.*\" ,d!=`raw\\n`, e!~\"\\\"q\\\"\\u00e9\\x41\\101\" } ");
    assertThat(m).containsExactly(
        new LabelMatcher("a", LabelMatcher.Type.EQ, "b"),
        new LabelMatcher("c", LabelMatcher.Type.RE, "x.*"),
        new LabelMatcher("d", LabelMatcher.Type.NEQ, "raw\\n"),
        new LabelMatcher("e", LabelMatcher.Type.NRE, "\"q\"\u00e9AA"));
  }

  @Test
  void rejectsWhatIsNotASelector() {
    for (String bad : List.of("", "{}", "{a}", "{a=b}", "{a=\"b\"", "{1a=\"b\"}", "{a=\"b\"} |= \"x\"",
        "a=\"b\"", "{a=~\"(\"}", "{a=\"\\q\"}", "{a=\"b\",}", "sum(rate({a=\"b\"}[1m]))")) {
      assertThatThrownBy(() -> SelectorParser.parseSelector(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> SelectorParser.parseSelector("{a=\"b\"} |= \"x\""))
        .hasMessageContaining("only label matchers are supported");
  }

  @Test
  void parsesCanonicalLabelSets() {
    assertThat(SelectorParser.parseLabels("{app=\"api\", env=\"prod\"}"))
        .isEqualTo(Map.of("app", "api", "env", "prod"));
    assertThatThrownBy(() -> SelectorParser.parseLabels("{app=~\"api\"}"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void quotesForPrinting() {
    assertThat(SelectorParser.quote("a\"b\\c\nd")).isEqualTo("\"a\\\"b\\\\c\\nd\"");
    assertThat(new LabelMatcher("x", LabelMatcher.Type.RE, "a|b").toString()).isEqualTo("x=~\"a|b\"");
  }
}
