package io.skald.segment;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.skald.labels.Label;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExactDuplicatesTest {
  private static final List<Label> MD = List.of(new Label("trace", "t1"));

  @Test
  void sameTimeLineAndMetadataIsADuplicateAnythingElseIsNot() {
    ExactDuplicates d = new ExactDuplicates();
    assertThat(d.repeats(entry(5, "same", MD))).isFalse();
    assertThat(d.repeats(entry(5, "other", MD))).as("other line").isFalse();
    assertThat(d.repeats(entry(5, "same", List.of()))).as("no metadata").isFalse();
    assertThat(d.repeats(entry(5, "same", List.of(new Label("trace", "t2"))))).isFalse();
    assertThat(d.repeats(entry(5, "same", MD))).as("exact copy").isTrue();
    assertThat(d.repeats(entry(6, "same", MD))).as("next timestamp").isFalse();
    assertThat(d.dropped()).isEqualTo(1);
  }

  @Test
  void metadataOrderMatters() {
    Label a = new Label("a", "1");
    Label b = new Label("b", "2");
    ExactDuplicates d = new ExactDuplicates();
    assertThat(d.repeats(entry(1, "x", List.of(a, b)))).isFalse();
    assertThat(d.repeats(entry(1, "x", List.of(b, a)))).isFalse();
    assertThat(d.repeats(entry(1, "x", List.of(a, b)))).isTrue();
  }

  @Test
  void findsDuplicatesInLongRunsOfOneTimestamp() {
    ExactDuplicates d = new ExactDuplicates();
    for (int i = 0; i < 100; i++) {
      assertThat(d.repeats(entry(7, "line " + i, List.of()))).isFalse();
    }
    for (int i = 0; i < 100; i++) {
      assertThat(d.repeats(entry(7, "line " + i, List.of()))).isTrue();
    }
    assertThat(d.dropped()).isEqualTo(100);
  }

  @Test
  void worksBackwardsInTime() {
    ExactDuplicates d = new ExactDuplicates();
    List<Boolean> seen = new ArrayList<>();
    for (long ts : new long[] {9, 9, 5, 5, 1}) {
      seen.add(d.repeats(entry(ts, "x", List.of())));
    }
    assertThat(seen).containsExactly(false, true, false, true, false);
  }

  static StoredEntry entry(long ts, String line, List<Label> md) {
    return new StoredEntry(ts, line.getBytes(UTF_8), md);
  }
}
