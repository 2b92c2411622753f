package io.skald.routes.pushingest.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skald.routes.pushingest.PushException;
import io.skald.routes.pushingest.model.MetadataPair;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StructuredMetadataNormalizerTest {

  private static MetadataPair p(String n, String v) {
    return new MetadataPair(n, v);
  }

  @ParameterizedTest
  @CsvSource({
    "service.name,service_name",
    "trace_id,trace_id",
    "a__b,a_b",
    "a.-b,a_b",
    "__meta__,__meta__",
    "__x,_x",
    "_x,_x",
    "1abc,key_1abc",
    "k8s.pod.name,k8s_pod_name",
    "héllo,h_llo",
    "x-,x_"
  })
  void labelNames(String name, String normalized) {
    assertThat(StructuredMetadataNormalizer.labelName(name)).isEqualTo(normalized);
  }

  @Test
  void namesThatCannotBeNormalisedAre400NotLokis500() {
    assertThatThrownBy(() -> StructuredMetadataNormalizer.labelName(""))
        .isInstanceOfSatisfying(PushException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessage("label name is empty");
    assertThatThrownBy(() -> StructuredMetadataNormalizer.labelName("..."))
        .hasMessage("normalization for label name \"...\" resulted in invalid name \"_\"");
  }

  @Test
  void sortsAndRenames() {
    assertThat(
            StructuredMetadataNormalizer.normalize(
                List.of(p("z", "1"), p("http.method", "GET"), p("a", "2"))))
        .containsExactly(p("a", "2"), p("http_method", "GET"), p("z", "1"));
  }

  @Test
  void validNamesAreOnlySortedAndKeepEmptyValuesAndDuplicates() {
    assertThat(
            StructuredMetadataNormalizer.normalize(List.of(p("b", ""), p("a", "1"), p("a", "2"))))
        .containsExactly(p("a", "1"), p("a", "2"), p("b", ""));
  }

  @Test
  void aRenamedPairReplacesThePairItCollidesWith() {
    assertThat(StructuredMetadataNormalizer.normalize(List.of(p("a_b", "old"), p("a.b", "new"))))
        .containsExactly(p("a_b", "new"));
  }

  @Test
  void aRenamedPairWithAnEmptyValueIsDropped() {
    assertThat(StructuredMetadataNormalizer.normalize(List.of(p("a.b", ""), p("c", "1"))))
        .containsExactly(p("c", "1"));
  }

  @Test
  void stripsReplacementCharactersFromValues() {
    assertThat(
            StructuredMetadataNormalizer.normalize(List.of(p("k", "a\uFFFDb"), p("e", "\uFFFD"))))
        .containsExactly(p("k", "ab"));
  }
}
