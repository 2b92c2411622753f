package io.skald.layout;

import static org.assertj.core.api.Assertions.assertThat;

import io.skald.layout.ObjectKeys.TenantDayKey;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The keys are part of the stored data: each is pinned here byte for byte. */
class ObjectKeysTest {

  private static final LocalDate DAY = LocalDate.of(2026, 11, 25);

  @Test
  void everyKindOfKeyHasItsFixedForm() {
    assertThat(ObjectKeys.segment("team-a", DAY, 3, 42))
        .isEqualTo("segments/team-a/2026-11-25/0003-00000000000000000042.seg");
    assertThat(ObjectKeys.compactedSegment("t", DAY, "0123456789abcdef0123456789abcdef", 2))
        .isEqualTo("segments/t/2026-11-25/c-0123456789abcdef0123456789abcdef-002.seg");
    assertThat(ObjectKeys.segmentPrefix("t", DAY)).isEqualTo("segments/t/2026-11-25/");
    assertThat(ObjectKeys.index("fake", LocalDate.of(2026, 1, 2)))
        .isEqualTo("index/v1/fake/2026-01-02.json");
    assertThat(ObjectKeys.indexPrefix("fake")).isEqualTo("index/v1/fake/");
    assertThat(ObjectKeys.pendingDeletes("t", DAY, "abc"))
        .isEqualTo("compactor/pending-deletes/t/2026-11-25/abc.json");
    assertThat(ObjectKeys.pendingDeletesPrefix("t")).isEqualTo("compactor/pending-deletes/t/");
    assertThat(ObjectKeys.pendingDeletesPrefix(null)).isEqualTo("compactor/pending-deletes/");
    assertThat(ObjectKeys.quarantined("segments/t/2026-11-25/0000-00000000000000000007.seg"))
        .isEqualTo("quarantine/segments/t/2026-11-25/0000-00000000000000000007.seg");
    assertThat(ObjectKeys.quarantineReason("segments/t/x.seg"))
        .isEqualTo("quarantine/segments/t/x.seg.reason");
    assertThat(ObjectKeys.deleteRequest("t", "0a1b2c3d"))
        .isEqualTo("delete-requests/t/0a1b2c3d.json");
    assertThat(ObjectKeys.deleteRequestsPrefix("t")).isEqualTo("delete-requests/t/");
  }

  @Test
  void segmentKeysOfBothWritersParseToTheirTenantDay() {
    String chunked = ObjectKeys.segment("team-a", DAY, 3, 42);
    String compacted =
        ObjectKeys.compactedSegment("team-a", DAY, "0123456789abcdef0123456789abcdef", 0);
    assertThat(ObjectKeys.parseSegment(chunked)).contains(new TenantDayKey("team-a", DAY, chunked));
    assertThat(ObjectKeys.parseSegment(compacted))
        .contains(new TenantDayKey("team-a", DAY, compacted));
    assertThat(ObjectKeys.isCompacted(compacted)).isTrue();
    assertThat(ObjectKeys.isCompacted(chunked)).isFalse();
    assertThat(ObjectKeys.isCompacted("quarantine/segments/t/2026-11-25/c-1-000.seg")).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "segments/fake/2026-11-25/0001-00000000000000000042.seg, fake",
    "segments/team-a/2026-01-01/c-0123456789abcdef0123456789abcdef-000.seg, team-a",
    "segments/team a/2026-11-25/0000-00000000000000000007.seg, team a"
  })
  void findsTheTenantOfSegmentKeys(String key, String tenant) {
    assertThat(ObjectKeys.parseSegment(key)).map(TenantDayKey::tenant).contains(tenant);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a/b c",
        "index/v1/fake/2026-11-25.json",
        "segments/fake/2026-11-25/x.json",
        "segments//2026-11-25/0000-1.seg",
        "segments/fake/2026-13-01/0000-1.seg",
        "segments/fake/0000-1.seg",
        "segments/fake/not-a-day/0001-1.seg",
        "segments/fake/2026-11-25/extra/0000-1.seg",
        "Segments/fake/2026-11-25/0000-1.seg"
      })
  void rejectsKeysThatAreNotSegments(String key) {
    assertThat(ObjectKeys.parseSegment(key)).isEmpty();
    assertThat(ObjectKeys.isCompacted(key)).isFalse();
  }

  @Test
  void indexKeysParseToTheirTenantDay() {
    String key = ObjectKeys.index("t", DAY);
    assertThat(ObjectKeys.parseIndex(key)).contains(new TenantDayKey("t", DAY, key));
    assertThat(ObjectKeys.parseIndex("index/v1/t/x/2026-11-25.json")).isEmpty();
    assertThat(ObjectKeys.parseIndex("index/v1//2026-11-25.json")).isEmpty();
    assertThat(ObjectKeys.parseIndex("index/v1/t/2026-11-25.json.tmp")).isEmpty();
    assertThat(ObjectKeys.parseIndex("index/v1/t/latest.json")).isEmpty();
    assertThat(ObjectKeys.parseIndex("index/v2/t/2026-11-25.json")).isEmpty();
  }

  @Test
  void pendingDeletesKeysParseToTheirTenantDay() {
    String key = ObjectKeys.pendingDeletes("t", DAY, "abc");
    assertThat(ObjectKeys.parsePendingDeletes(key)).contains(new TenantDayKey("t", DAY, key));
    assertThat(ObjectKeys.parsePendingDeletes("compactor/pending-deletes/t/x/abc.json")).isEmpty();
    assertThat(ObjectKeys.parsePendingDeletes("segments/t/2026-03-04/abc.json")).isEmpty();
  }

  @Test
  void tenantUnderAPerTenantPrefixIsItsFirstSegment() {
    assertThat(ObjectKeys.tenantUnder(ObjectKeys.INDEX, ObjectKeys.index("t", DAY))).contains("t");
    assertThat(
            ObjectKeys.tenantUnder(
                ObjectKeys.DELETE_REQUESTS, ObjectKeys.deleteRequest("a b", "1")))
        .contains("a b");
    assertThat(ObjectKeys.tenantUnder(ObjectKeys.INDEX, "index/v1/no-slash")).isEmpty();
    assertThat(ObjectKeys.tenantUnder(ObjectKeys.INDEX, "index/v1//2026-11-25.json")).isEmpty();
    assertThat(ObjectKeys.tenantUnder(ObjectKeys.INDEX, "segments/t/2026-11-25/x.seg")).isEmpty();
  }
}
