package io.skald.deletes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalLabelsTest {

  @Test
  void readsPrometheusLabelsStrings() {
    assertThat(CanonicalLabels.parse("{app=\"api\", env=\"prod\"}")).isEqualTo(Map.of("app", "api", "env", "prod"));
    assertThat(CanonicalLabels.parse("{}")).isEmpty();
    assertThat(CanonicalLabels.parse("{by=\"x\", json=\"y\"}")).as("LogQL keywords are label names here")
        .isEqualTo(Map.of("by", "x", "json", "y"));
    assertThat(CanonicalLabels.parse("{a=\"q\\\"\\\\\\n\\a\\u00e9\\x41\"}")).isEqualTo(Map.of("a", "q\"\\\n\u0007éA"));
  }

  @Test
  void refusesWhatIsNotALabelSet() {
    for (String bad : List.of("", "{", "{a}", "{a=b}", "{a=\"b\"", "{a=~\"b\"}", "{1a=\"b\"}", "{a=\"b\"} x",
        "{a=\"\\q\"}")) {
      assertThatThrownBy(() -> CanonicalLabels.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
