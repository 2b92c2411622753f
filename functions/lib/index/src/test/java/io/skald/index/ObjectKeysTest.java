package io.skald.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ObjectKeysTest {

  @Test
  void segmentKeysAreDeterministicAndCarryTenantAndDay() {
    String key = ObjectKeys.segment("team-a", LocalDate.of(2026, 11, 25), 3, 42);
    assertThat(key).isEqualTo("segments/team-a/2026-11-25/0003-00000000000000000042.seg");
    assertThat(ObjectKeys.parseSegment(key)).hasValueSatisfying(k -> {
      assertThat(k.tenant()).isEqualTo("team-a");
      assertThat(k.day()).isEqualTo(LocalDate.of(2026, 11, 25));
    });
  }

  @Test
  void ignoresKeysThatAreNotSegments() {
    assertThat(ObjectKeys.parseSegment("index/v1/fake/2026-11-25.json")).isEmpty();
    assertThat(ObjectKeys.parseSegment("segments/fake/not-a-day/0001-1.seg")).isEmpty();
    assertThat(ObjectKeys.parseSegment("segments//2026-11-25/0001-1.seg")).isEmpty();
    assertThat(ObjectKeys.parseSegment("segments/fake/2026-11-25/x/0001-1.seg")).isEmpty();
  }

  @Test
  void indexKeysArePerTenantAndDay() {
    assertThat(ObjectKeys.index("fake", LocalDate.of(2026, 1, 2))).isEqualTo("index/v1/fake/2026-01-02.json");
  }
}
