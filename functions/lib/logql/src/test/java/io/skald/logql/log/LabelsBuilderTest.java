package io.skald.logql.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.skald.labels.Label;
import io.skald.labels.LabelSet;
import org.junit.jupiter.api.Test;

class LabelsBuilderTest {

  @Test
  void unchangedEntriesShareTheStreamLabels() {
    LabelSet stream = LabelSet.of("app", "x", "env", "prod");
    LabelsBuilder b = new LabelsBuilder(stream);
    assertThat(b.labels()).isSameAs(stream);
    assertThat(stream).hasToString("{app=\"x\", env=\"prod\"}");
  }

  @Test
  void setDeleteAndErrors() {
    LabelsBuilder b = new LabelsBuilder(LabelSet.of("app", "x", "env", "prod"));
    b.set("level", "error");
    b.set(LabelCategory.STRUCTURED_METADATA, "trace", "t");
    b.delete("env");
    b.setError("JSONParserErr", "unexpected end");
    assertThat(b.get("level")).isEqualTo("error");
    assertThat(b.get("env")).isNull();
    assertThat(b.get(LabelsBuilder.ERROR_LABEL)).isEqualTo("JSONParserErr");
    assertThat(b.labels())
        .isEqualTo(
            LabelSet.of(
                "app",
                "x",
                "level",
                "error",
                "trace",
                "t",
                "__error__",
                "JSONParserErr",
                "__error_details__",
                "unexpected end"));
    assertThat(b.categoryOf("level")).isEqualTo(LabelCategory.PARSED);
    assertThat(b.categoryOf("trace")).isEqualTo(LabelCategory.STRUCTURED_METADATA);
    assertThat(b.categoryOf("app")).isEqualTo(LabelCategory.STREAM);
    assertThat(b.categoryOf("env")).isNull();
    LabelSet first = b.labels();
    assertThat(b.labels()).isSameAs(first);

    b.reset();
    assertThat(b.labels()).isSameAs(b.base());
    assertThat(b.hasError()).isFalse();
  }

  @Test
  void overridingAStreamLabel() {
    LabelsBuilder b = new LabelsBuilder(LabelSet.of("app", "x"));
    b.set("app", "y");
    assertThat(b.labels()).isEqualTo(LabelSet.of("app", "y"));
    b.delete("app");
    assertThat(b.labels()).isEqualTo(LabelSet.EMPTY);
  }

  @Test
  void labelsAreSortedAndUnique() {
    LabelSet l = LabelSet.of("b", "2", "a", "1", "b", "3");
    assertThat(l.asList()).containsExactly(new Label("a", "1"), new Label("b", "3"));
    assertThat(l.get("b")).isEqualTo("3");
    assertThat(l.has("c")).isFalse();
  }
}
