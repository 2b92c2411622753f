package io.skald.compactor.merge;

import static org.assertj.core.api.Assertions.assertThat;

import io.skald.index.ObjectKeys;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompactedKeysTest {

  static final LocalDate DAY = LocalDate.of(2026, 3, 4);

  @Test
  void outputKeysParseAsSegmentKeysOfTheirTenantDay() {
    String key = CompactedKeys.output("tenant-1", DAY, "0123456789abcdef0123456789abcdef", 2);
    assertThat(key).isEqualTo("segments/tenant-1/2026-03-04/c-0123456789abcdef0123456789abcdef-002.seg");
    ObjectKeys.SegmentKey parsed = ObjectKeys.parseSegment(key).orElseThrow();
    assertThat(parsed.tenant()).isEqualTo("tenant-1");
    assertThat(parsed.day()).isEqualTo(DAY);
    assertThat(CompactedKeys.isCompacted(key)).isTrue();
    assertThat(CompactedKeys.isCompacted(ObjectKeys.segment("t", DAY, 3, 4))).isFalse();
  }

  @Test
  void idsAreStableAndSeparateEverythingThatMatters() {
    List<InputRef> in = List.of(new InputRef("a", "1"), new InputRef("b", "2"));
    String id = CompactedKeys.id("merge", in, "");
    assertThat(id).hasSize(32).matches("[0-9a-f]+");
    assertThat(CompactedKeys.id("merge", List.of(in.get(1), in.get(0)), "")).isEqualTo(id);
    assertThat(CompactedKeys.id("merge", List.of(new InputRef("a", "1"), new InputRef("b", "3")), ""))
        .isNotEqualTo(id);
    assertThat(CompactedKeys.id("delete", in, "")).isNotEqualTo(id);
    assertThat(CompactedKeys.id("merge", in, "x")).isNotEqualTo(id);
    // length-prefixed: moving characters between fields changes the id
    assertThat(CompactedKeys.id("merge", List.of(new InputRef("ab", "1")), ""))
        .isNotEqualTo(CompactedKeys.id("merge", List.of(new InputRef("a", "b1")), ""));
  }

  @Test
  void pendingKeysRoundTrip() {
    String key = CompactedKeys.pending("t", DAY, "abc");
    assertThat(key).isEqualTo("compactor/pending-deletes/t/2026-03-04/abc.json");
    assertThat(CompactedKeys.parsePending(key).orElseThrow().day()).isEqualTo(DAY);
    assertThat(CompactedKeys.parsePending("compactor/pending-deletes/t/x/abc.json")).isEmpty();
    assertThat(CompactedKeys.parsePending("segments/t/2026-03-04/abc.json")).isEmpty();
  }
}
