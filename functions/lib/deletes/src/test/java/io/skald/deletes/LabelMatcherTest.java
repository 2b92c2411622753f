package io.skald.deletes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelMatcherTest {

  @Test
  void regexesAreAnchoredAndDotMatchesNewline() {
    LabelMatcher m = new LabelMatcher("a", LabelMatcher.Type.RE, "fo+");
    assertThat(m.matches("foo")).isTrue();
    assertThat(m.matches("xfoo")).isFalse();
    assertThat(m.matches("foox")).isFalse();
    assertThat(new LabelMatcher("a", LabelMatcher.Type.RE, "a.b").matches("a\nb")).isTrue();
    assertThat(new LabelMatcher("a", LabelMatcher.Type.RE, "x|y").matches("y")).isTrue();
    assertThat(new LabelMatcher("a", LabelMatcher.Type.NRE, "x|y").matches("xy")).isTrue();
  }

  @Test
  void aMissingLabelIsTheEmptyString() {
    Map<String, String> labels = Map.of("app", "api");
    assertThat(new LabelMatcher("env", LabelMatcher.Type.EQ, "").matches(labels)).isTrue();
    assertThat(new LabelMatcher("env", LabelMatcher.Type.NEQ, "prod").matches(labels)).isTrue();
    assertThat(new LabelMatcher("env", LabelMatcher.Type.RE, ".*").matches(labels)).isTrue();
    assertThat(new LabelMatcher("env", LabelMatcher.Type.RE, ".+").matches(labels)).isFalse();
    assertThat(LabelMatcher.allMatch(List.of(), labels)).isTrue();
  }
}
