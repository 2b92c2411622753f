package io.skald.routes.pushingest.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skald.labels.Label;
import io.skald.labels.LabelSet;
import io.skald.routes.pushingest.PushException;
import org.junit.jupiter.api.Test;

/**
 * The push's reading of stream label text (Loki's {@code syntax.ParseLabels}) and its canonical
 * form.
 */
class StreamLabelsTest {

  private static Label l(String name, String value) {
    return new Label(name, value);
  }

  @Test
  void dropsEmptyValuesAndKeepsDuplicatesSortedByName() {
    assertThat(PushValidator.streamLabels("{b=\"\", c=\"3\", a=\"1\", a=\"2\"}"))
        .containsExactly(l("a", "1"), l("a", "2"), l("c", "3"));
    assertThat(PushValidator.streamLabels("up{job=\"a\"}"))
        .containsExactly(l("__name__", "up"), l("job", "a"));
    assertThat(PushValidator.streamLabels("")).isEmpty();
  }

  @Test
  void refusesBadTextWithLokisPrefixAnd400() {
    assertThatThrownBy(() -> PushValidator.streamLabels("{a=\"x\uFFFDy\"}"))
        .isInstanceOfSatisfying(
            PushException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.getMessage())
                  .isEqualTo("couldn't parse labels: 1:4: parse error: invalid UTF-8 rune");
            });
  }

  @Test
  void canonicalFormIsSortedAndGoQuotedAndReadsBack() {
    String canonical =
        LabelSet.format(
            PushValidator.streamLabels(
                "{z=\"1\", m=\"\\u00e9\\t\\a\\U0001F600\", \"service.name\"=\"x\", a=\"two words\","
                    + " e=\"\"}"));
    assertThat(canonical)
        .isEqualTo("{a=\"two words\", m=\"é\\t\\a\uD83D\uDE00\", \"service.name\"=\"x\", z=\"1\"}");
    assertThat(LabelSet.format(PushValidator.streamLabels(canonical))).isEqualTo(canonical);
    assertThat(LabelSet.parse(canonical).get("m")).isEqualTo("é\t\u0007\uD83D\uDE00");
  }
}
