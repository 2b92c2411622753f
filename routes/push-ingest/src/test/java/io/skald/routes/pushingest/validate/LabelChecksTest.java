package io.skald.routes.pushingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.skald.labels.Label;
import io.skald.limits.Limits;
import io.skald.routes.pushingest.model.MetadataPair;
import io.skald.routes.pushingest.model.PushEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelChecksTest {
  private static final List<PushEntry> ENTRIES =
      List.of(
          new PushEntry(1, "abc", List.of(new MetadataPair("k", "vv"))), new PushEntry(2, "de"));

  @Test
  void passesValidLabels() {
    assertThat(
            LabelChecks.check(
                List.of(new Label("a", "1"), new Label("b", "2")),
                "{a=\"1\", b=\"2\"}",
                ENTRIES,
                Limits.DEFAULTS))
        .isNull();
  }

  @Test
  void rejectsTheWholeStreamCountingItsEntriesAndBytes() {
    Rejection r =
        LabelChecks.check(
            List.of(new Label("a", "1"), new Label("a", "2")),
            "{a=\"1\", a=\"2\"}",
            ENTRIES,
            Limits.DEFAULTS);

    assertThat(r)
        .isEqualTo(
            new Rejection(
                IngestRejection.DUPLICATE_LABEL_NAMES,
                2,
                3 + 1 + 2 + 2,
                "stream '{a=\"1\", a=\"2\"}' has duplicate label name: 'a'"));
  }

  @Test
  void countsLabelNamesWithoutServiceName() {
    Limits one = Limits.builder().maxLabelNamesPerSeries(1).build();

    assertThat(
            LabelChecks.check(
                List.of(new Label("a", "1"), new Label("service_name", "s")), "x", ENTRIES, one))
        .isNull();
    assertThat(
            LabelChecks.check(List.of(new Label("a", "1"), new Label("b", "s")), "x", ENTRIES, one)
                .message())
        .isEqualTo("entry for stream 'x' has 2 label names; limit 1");
  }
}
