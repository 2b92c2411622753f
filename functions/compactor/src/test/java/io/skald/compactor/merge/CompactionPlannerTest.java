package io.skald.compactor.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skald.index.IndexedSegment;
import io.skald.index.TenantDayIndex;
import io.skald.layout.ObjectKeys;
import io.skald.segment.BlockRef;
import io.skald.segment.StreamInfo;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompactionPlannerTest {

  static final LocalDate DAY = LocalDate.of(2026, 1, 2);

  static IndexedSegment seg(long offset, long size, long raw, long minTime) {
    StreamInfo s =
        new StreamInfo(
            "{a=\"b\"}",
            minTime,
            minTime + 10,
            1,
            raw,
            List.of(new BlockRef(5, 10, minTime, minTime + 10, 1, (int) raw, 0)));
    return new IndexedSegment(ObjectKeys.segment("t", DAY, 0, offset), size, List.of(s));
  }

  static CompactionConfig config(int min, long small, long target, long raw) {
    return new CompactionConfig(min, small, target, Duration.ofHours(2), raw, 1024, 3);
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    CompactionConfig c = CompactionConfig.defaults();
    assertThat(c.minSegmentsToCompact()).isEqualTo(4);
    assertThat(c.smallSegmentBytes()).isEqualTo(8L << 20);
    assertThat(c.targetObjectBytes()).isEqualTo(128L << 20);
    assertThat(c.retentionDeleteDelay()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void rejectsNonsenseConfig() {
    assertThatThrownBy(() -> config(1, 10, 100, 100)).hasMessageContaining("minSegmentsToCompact");
    assertThatThrownBy(() -> config(2, 100, 10, 100)).hasMessageContaining("targetObjectBytes");
    assertThatThrownBy(() -> new CompactionConfig(2, 1, 1, Duration.ofSeconds(-1), 1, 1, 1))
        .hasMessageContaining("retentionDeleteDelay");
  }

  @Test
  void waitsUntilEnoughSmallSegments() {
    List<IndexedSegment> s = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      s.add(seg(i, 100, 1000, i));
    }
    CompactionPlanner p = new CompactionPlanner(config(4, 1000, 10_000, 1 << 20));
    assertThat(p.plan(new TenantDayIndex("t", DAY, s))).isEmpty();
    s.add(seg(3, 100, 1000, 3));
    assertThat(p.plan(new TenantDayIndex("t", DAY, s))).hasSize(1);
  }

  @Test
  void leavesLargeSegmentsAloneAndGroupsByTime() {
    List<IndexedSegment> s = new ArrayList<>();
    s.add(seg(0, 5000, 1000, 0)); // large
    for (int i = 1; i <= 8; i++) {
      s.add(seg(i, 100, 1000, 100 - i)); // keys ascending, times descending
    }
    CompactionPlanner p = new CompactionPlanner(config(2, 300, 400, 1 << 20));
    List<List<IndexedSegment>> groups = p.plan(new TenantDayIndex("t", DAY, s));
    assertThat(groups).hasSize(2);
    // the earliest four by time (offsets 8..5) form the first group, sorted by key
    assertThat(groups.get(0))
        .extracting(IndexedSegment::key)
        .containsExactly(
            ObjectKeys.segment("t", DAY, 0, 5), ObjectKeys.segment("t", DAY, 0, 6),
            ObjectKeys.segment("t", DAY, 0, 7), ObjectKeys.segment("t", DAY, 0, 8));
    assertThat(groups).allSatisfy(g -> assertThat(g).noneMatch(x -> x.size() >= 300));
  }

  @Test
  void boundsUncompressedBytesPerGroup() {
    List<IndexedSegment> s = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      s.add(seg(i, 10, 1000, i));
    }
    CompactionPlanner p = new CompactionPlanner(config(2, 100, 1000, 2000));
    List<List<IndexedSegment>> groups = p.plan(new TenantDayIndex("t", DAY, s));
    assertThat(groups).hasSize(3).allSatisfy(g -> assertThat(g).hasSize(2));
  }
}
