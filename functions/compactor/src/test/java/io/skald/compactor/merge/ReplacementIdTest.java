package io.skald.compactor.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplacementIdTest {

  @Test
  void idsAreStableAndSeparateEverythingThatMatters() {
    List<InputRef> in = List.of(new InputRef("a", "1"), new InputRef("b", "2"));
    String id = ReplacementId.of("merge", in, "");
    assertThat(id).hasSize(32).matches("[0-9a-f]+");
    assertThat(ReplacementId.of("merge", List.of(in.get(1), in.get(0)), "")).isEqualTo(id);
    assertThat(
            ReplacementId.of("merge", List.of(new InputRef("a", "1"), new InputRef("b", "3")), ""))
        .isNotEqualTo(id);
    assertThat(ReplacementId.of("delete", in, "")).isNotEqualTo(id);
    assertThat(ReplacementId.of("merge", in, "x")).isNotEqualTo(id);
    // length-prefixed: moving characters between fields changes the id
    assertThat(ReplacementId.of("merge", List.of(new InputRef("ab", "1")), ""))
        .isNotEqualTo(ReplacementId.of("merge", List.of(new InputRef("a", "b1")), ""));
  }
}
