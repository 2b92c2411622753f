package io.skald.deletes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeleteShardsTest {

  static final long H = 3_600_000L;

  @Test
  void splitsAtIntervalBoundariesSharingTheBoundaryMillisecond() {
    long start = 10 * H + 1234; // 10:00:01.234
    long end = 36 * H;
    List<DeleteShard> s = DeleteShards.split(start, end, Duration.ofHours(12));
    assertThat(s)
        .extracting(DeleteShard::startNanos)
        .containsExactly(start * 1_000_000L, 12 * H * 1_000_000L, 24 * H * 1_000_000L);
    assertThat(s)
        .extracting(DeleteShard::endNanos)
        .containsExactly(12 * H * 1_000_000L, 24 * H * 1_000_000L, 36 * H * 1_000_000L);
    assertThat(s).noneMatch(DeleteShard::processed);
  }

  @Test
  void noSplitWhenTheIntervalCoversTheRangeOrIsZero() {
    assertThat(DeleteShards.split(0, 5 * H, Duration.ofHours(5))).hasSize(1);
    assertThat(DeleteShards.split(0, 5 * H, Duration.ZERO)).hasSize(1);
    assertThat(DeleteShards.split(0, 5 * H + 1, Duration.ofHours(5))).hasSize(2);
  }
}
