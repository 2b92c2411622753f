package io.skald.querier.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.skald.labels.LabelSet;
import io.skald.querier.params.Direction;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TopEntriesTest {

  private static final SortedMap<String, String> A = new TreeMap<>(java.util.Map.of("app", "a"));
  private static final SortedMap<String, String> B = new TreeMap<>(java.util.Map.of("app", "b"));

  private static TopEntries.Candidate c(long ts, SortedMap<String, String> labels, String line) {
    return new TopEntries.Candidate(ts, LabelSet.of(labels).toString(), labels, line);
  }

  @Test
  void backwardKeepsTheNewestAcrossStreams() {
    TopEntries top = new TopEntries(3, Direction.BACKWARD);
    for (long ts = 1; ts <= 5; ts++) {
      top.offer(c(ts, ts % 2 == 0 ? A : B, "l" + ts));
    }
    List<ResultStream> result = top.result();
    assertThat(result)
        .extracting(ResultStream::labelsText)
        .containsExactly("{app=\"a\"}", "{app=\"b\"}");
    assertThat(result.get(0).entries()).extracting(LogEntry::timestampNanos).containsExactly(4L);
    assertThat(result.get(1).entries())
        .extracting(LogEntry::timestampNanos)
        .containsExactly(5L, 3L);
  }

  @Test
  void forwardKeepsTheOldestInAscendingOrder() {
    TopEntries top = new TopEntries(2, Direction.FORWARD);
    for (long ts = 5; ts >= 1; ts--) {
      top.offer(c(ts, A, "l" + ts));
    }
    assertThat(top.result().get(0).entries())
        .extracting(LogEntry::timestampNanos)
        .containsExactly(1L, 2L);
  }

  @Test
  void exactDuplicatesAreDroppedButSameTimeDifferentLinesKept() {
    TopEntries top = new TopEntries(10, Direction.BACKWARD);
    top.offer(c(1, A, "x"));
    top.offer(c(1, A, "x"));
    top.offer(c(1, A, "y"));
    top.offer(c(1, B, "x"));
    assertThat(top.size()).isEqualTo(3);
    assertThat(top.duplicates).isEqualTo(1);
  }

  @Test
  void intervalThinsAcrossStreamsBeforeTheLimit() {
    TopEntries top = new TopEntries(Integer.MAX_VALUE, Direction.FORWARD);
    for (long ts = 0; ts < 10; ts++) {
      top.offer(c(ts, ts % 2 == 0 ? A : B, "l" + ts));
    }
    // Emitted: 0, 3, 6 (every third ns), then the limit of 3 stops it before 9.
    List<ResultStream> result = top.result(3, 3);
    assertThat(result.get(0).entries())
        .extracting(LogEntry::timestampNanos)
        .containsExactly(0L, 6L);
    assertThat(result.get(1).entries()).extracting(LogEntry::timestampNanos).containsExactly(3L);
  }

  @Test
  void mightAdmitUsesTheWorstKeptTimestamp() {
    TopEntries top = new TopEntries(2, Direction.BACKWARD);
    top.offer(c(10, A, "a"));
    assertThat(top.mightAdmit(1)).isTrue();
    top.offer(c(20, A, "b"));
    assertThat(top.mightAdmit(9)).isFalse();
    assertThat(top.mightAdmit(10)).isTrue();
  }
}
