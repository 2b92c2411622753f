package io.skald.routes.storageevents.route;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SegmentKeysTest {

  @ParameterizedTest
  @CsvSource({
      "segments/fake/2026-11-25/0001-00000000000000000042.seg, fake",
      "segments/team-a/2026-01-01/c-0123456789abcdef0123456789abcdef-000.seg, team-a",
      "segments/team a/2026-11-25/0000-00000000000000000007.seg, team a"})
  void findsTheTenantOfSegmentKeys(String key, String tenant) {
    assertThat(SegmentKeys.tenantOf(key)).contains(tenant);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a/b c", "index/v1/fake/2026-11-25.json", "segments/fake/2026-11-25/x.json",
      "segments//2026-11-25/0000-1.seg", "segments/fake/2026-13-01/0000-1.seg", "segments/fake/0000-1.seg",
      "segments/fake/2026-11-25/extra/0000-1.seg", "Segments/fake/2026-11-25/0000-1.seg"})
  void rejectsEverythingElse(String key) {
    assertThat(SegmentKeys.tenantOf(key)).isEmpty();
  }
}
