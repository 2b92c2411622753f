package io.skald.querier.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LabelSetTest {

  @Test
  void parsesAndPrintsCanonicalLabels() {
    String text = "{app=\"api\", msg=\"say \\\"hi\\\"\\n\", path=\"C:\\\\x\"}";
    Map<String, String> labels = LabelSet.parse(text);
    assertThat(labels).containsExactly(
        Map.entry("app", "api"), Map.entry("msg", "say \"hi\"\n"), Map.entry("path", "C:\\x"));
    assertThat(LabelSet.print(new TreeMap<>(labels))).isEqualTo(text);
  }

  @Test
  void emptySet() {
    assertThat(LabelSet.parse("{}")).isEmpty();
    assertThat(LabelSet.print(new TreeMap<>())).isEqualTo("{}");
  }
}
