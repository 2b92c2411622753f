package io.skald.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSetTest {

  private static Label l(String name, String value) {
    return new Label(name, value);
  }

  @Test
  void sortsByNameAndKeepsTheLastValueOfARepeatedName() {
    LabelSet set = LabelSet.of(l("b", "1"), l("a", "1"), l("b", "2"));
    assertThat(set.asList()).containsExactly(l("a", "1"), l("b", "2"));
    assertThat(set.names()).containsExactly("a", "b");
    assertThat(set.get("b")).isEqualTo("2");
    assertThat(set.get("c")).isNull();
    assertThat(set.has("a")).isTrue();
    assertThat(set.size()).isEqualTo(2);
    assertThat(LabelSet.of(List.of())).isSameAs(LabelSet.EMPTY);
    assertThat(LabelSet.of(Map.of("x", "1"))).isEqualTo(LabelSet.of("x", "1"));
  }

  @Test
  void sortsNamesAsGoDoesByUtf8Bytes() {
    // UTF-16 order would put the supplementary character first.
    LabelSet set = LabelSet.of("\uD83D\uDE00", "emoji", "\uFF21", "fullwidth");
    assertThat(set.names()).containsExactly("\uFF21", "\uD83D\uDE00");
    assertThat(set.get("\uD83D\uDE00")).isEqualTo("emoji");
  }

  @Test
  void printsAsPrometheusLabelsString() {
    assertThat(LabelSet.of("env", "prod", "app", "a\"b\\c\nd\u0001é", "x", ""))
        .hasToString("{app=\"a\\\"b\\\\c\\nd\\x01é\", env=\"prod\", x=\"\"}");
    assertThat(LabelSet.of("service.name", "x", "a", "1"))
        .hasToString("{a=\"1\", \"service.name\"=\"x\"}");
    assertThat(LabelSet.of("a", "\u0007\u2028\uDB40\uDC01\uFFFD"))
        .hasToString("{a=\"\\a\\u2028\\U000e0001\uFFFD\"}");
    assertThat(LabelSet.EMPTY).hasToString("{}");
    assertThat(LabelSet.format(List.of(l("a", "1"), l("a", "2")))).isEqualTo("{a=\"1\", a=\"2\"}");
  }

  @Test
  void parsesWhatItPrintsAndAnySeriesDescription() {
    assertThat(LabelSet.parse("{app=\"api\", env=\"prod\"}"))
        .isEqualTo(LabelSet.of("app", "api", "env", "prod"));
    assertThat(LabelSet.parse("{env='prod',app=`api`,}"))
        .isEqualTo(LabelSet.of("app", "api", "env", "prod"));
    assertThat(LabelSet.parse("{\"service.name\"=\"x\"}").get("service.name")).isEqualTo("x");
    assertThat(LabelSet.parse("{a=\"\\a\\x07\\007\\u0007\\U00000007\"}").get("a"))
        .isEqualTo("\u0007".repeat(5));
    assertThat(LabelSet.parse("{a=\"\"}")).isEqualTo(LabelSet.of("a", ""));
    assertThat(LabelSet.parse("{a=\"\uFFFD\"}").get("a")).isEqualTo("\uFFFD");
    assertThat(LabelSet.parse("{}")).isSameAs(LabelSet.EMPTY);
  }

  @Test
  void refusesBrokenTextAndRepeatedNames() {
    assertThatThrownBy(() -> LabelSet.parse("{a=\"b\""))
        .isInstanceOf(LabelSyntaxException.class)
        .hasMessage("1:7: parse error: unexpected end of input inside braces");
    assertThatThrownBy(() -> LabelSet.parse("{a=\"1\", a=\"2\"}"))
        .isInstanceOf(LabelSyntaxException.class)
        .hasMessage("duplicate label name \"a\"");
  }

  @Test
  void derivesSets() {
    LabelSet set = LabelSet.of("a", "1", "b", "2", "c", "3");
    assertThat(set.with("b", "9")).isEqualTo(LabelSet.of("a", "1", "b", "9", "c", "3"));
    assertThat(set.with("d", "4").names()).containsExactly("a", "b", "c", "d");
    assertThat(set.with("b", null)).isEqualTo(LabelSet.of("a", "1", "c", "3"));
    assertThat(set.without("a", "c")).isEqualTo(LabelSet.of("b", "2"));
    assertThat(set.keep(n -> true)).isSameAs(set);
    assertThat(set.toBuilder().set("a", "0").delete("c").build())
        .isEqualTo(LabelSet.of("a", "0", "b", "2"));
    assertThat(LabelSet.builder().set("z", "1").set("y", "2").build().names())
        .containsExactly("y", "z");
    assertThat(set.asMap())
        .containsExactly(Map.entry("a", "1"), Map.entry("b", "2"), Map.entry("c", "3"));
  }

  @Test
  void comparesAsPrometheusLabelsCompare() {
    assertThat(LabelSet.compare(LabelSet.of("a", "1"), LabelSet.of("a", "1", "b", "1")))
        .isNegative();
    assertThat(LabelSet.compare(LabelSet.of("a", "2"), LabelSet.of("a", "1", "b", "1")))
        .isPositive();
    assertThat(LabelSet.compare(LabelSet.of("a", "\uFFFF"), LabelSet.of("a", "\uD83D\uDE00")))
        .isNegative();
    assertThat(LabelSet.compare(LabelSet.of("b", "1"), LabelSet.of("a", "9"))).isPositive();
    assertThat(LabelSet.compare(LabelSet.of("a", "1"), LabelSet.of("a", "1"))).isZero();
    assertThat(LabelSet.of("a", "1"))
        .isEqualTo(LabelSet.of("a", "1"))
        .hasSameHashCodeAs(LabelSet.of("a", "1"));
  }

  @Test
  void classicNames() {
    assertThat(LabelSet.isClassicName("_a9")).isTrue();
    assertThat(LabelSet.isClassicName("9a")).isFalse();
    assertThat(LabelSet.isClassicName("a.b")).isFalse();
    assertThat(LabelSet.isClassicName("a:b")).isFalse();
    assertThat(LabelSet.isClassicName("")).isFalse();
  }
}
