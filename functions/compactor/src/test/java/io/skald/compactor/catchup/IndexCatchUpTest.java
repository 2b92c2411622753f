package io.skald.compactor.catchup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skald.compactor.SegmentIndexer;
import io.skald.compactor.SharedIndexer;
import io.skald.compactor.support.TestStores;
import io.skald.events.v1.ObjectCreated;
import io.skald.index.IndexStore;
import io.skald.index.IndexedSegment;
import io.skald.layout.ObjectKeys;
import io.skald.storage.FileSystemObjectStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexCatchUpTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  @TempDir Path dir;
  private TestStores.Switchable store;
  private IndexStore indexes;
  private SharedIndexer indexer;

  @BeforeEach
  void setUp() throws Exception {
    store = new TestStores.Switchable(new FileSystemObjectStore(dir, "loki-chunks"));
    indexes = new IndexStore(store);
    indexer = new SharedIndexer(new SegmentIndexer(indexes, new SimpleMeterRegistry()));
  }

  private IndexCatchUp catchUp(RetiredSegments retired) {
    return new IndexCatchUp(store, indexer, retired, CLOCK, Duration.ofDays(2));
  }

  /** Indexes a segment the way an ObjectCreated event would. */
  private void announce(String key) throws Exception {
    indexer.indexAndFlush(
        ix ->
            ix.index(
                ObjectCreated.newBuilder()
                    .setBucket("loki-chunks")
                    .setKey(key)
                    .setSize(0)
                    .setEventTimeMillis(0)
                    .setSource("writer")
                    .build()));
  }

  private List<String> indexed(String tenant, LocalDate day) throws Exception {
    return indexes.load(tenant, day).segments().stream().map(IndexedSegment::key).toList();
  }

  @Test
  void indexesSegmentsWhoseEventsWereLost() throws Exception {
    String announced = TestStores.writeSegment(store, "fake", TODAY, 1, "a");
    announce(announced);
    String lostToday = TestStores.writeSegment(store, "fake", TODAY, 5, "b");
    String lostYesterday = TestStores.writeSegment(store, "fake", TODAY.minusDays(1), 9, "c");
    announce(TestStores.writeSegment(store, "team-b", TODAY, 2, "d"));
    String lostOtherTenant = TestStores.writeSegment(store, "team-b", TODAY.minusDays(2), 3, "e");

    IndexCatchUp.Result r = catchUp(RetiredSegments.NONE).run();

    assertThat(r).isEqualTo(new IndexCatchUp.Result(4, 3, 0));
    assertThat(indexed("fake", TODAY)).containsExactlyInAnyOrder(announced, lostToday);
    assertThat(indexed("fake", TODAY.minusDays(1))).containsExactly(lostYesterday);
    assertThat(indexed("team-b", TODAY.minusDays(2))).containsExactly(lostOtherTenant);
    assertThat(catchUp(RetiredSegments.NONE).run().indexed())
        .as("a second run has nothing to do")
        .isZero();
  }

  @Test
  void daysBeforeTheWindowAreLeftAlone() throws Exception {
    announce(TestStores.writeSegment(store, "fake", TODAY, 1, "a"));
    TestStores.writeSegment(store, "fake", TODAY.minusDays(3), 1, "old");
    assertThat(catchUp(RetiredSegments.NONE).run().indexed()).isZero();
    assertThat(indexed("fake", TODAY.minusDays(3))).isEmpty();
  }

  @Test
  void aSegmentRewrittenByAReplayIsIndexedAgain() throws Exception {
    String key = TestStores.writeSegment(store, "fake", TODAY, 1, "a");
    announce(key);
    TestStores.writeSegment(store, "fake", TODAY, 1, "a", "b", "c");
    assertThat(catchUp(RetiredSegments.NONE).run().indexed()).isEqualTo(1);
    assertThat(indexes.load("fake", TODAY).segments().get(0).streams().get(0).entries())
        .isEqualTo(3);
  }

  @Test
  void retiredSegmentsAreNotBroughtBack() throws Exception {
    announce(TestStores.writeSegment(store, "fake", TODAY, 1, "a"));
    String compactedAway = TestStores.writeSegment(store, "fake", TODAY, 5, "b");
    assertThat(catchUp((tenant, day) -> s -> s.key().equals(compactedAway)).run().indexed())
        .isZero();
    assertThat(indexed("fake", TODAY)).doesNotContain(compactedAway);
  }

  @Test
  void aCorruptIndexSkipsItsTenantDayOnly() throws Exception {
    announce(TestStores.writeSegment(store, "fake", TODAY, 1, "a"));
    store.put(
        ObjectKeys.index("fake", TODAY.minusDays(1)), "{broken".getBytes(StandardCharsets.UTF_8));
    TestStores.writeSegment(store, "fake", TODAY.minusDays(1), 1, "b");
    String lost = TestStores.writeSegment(store, "fake", TODAY, 2, "c");
    IndexCatchUp.Result r = catchUp(RetiredSegments.NONE).run();
    assertThat(r.failedTenantDays()).isEqualTo(1);
    assertThat(r.indexed()).isEqualTo(1);
    assertThat(indexed("fake", TODAY)).contains(lost);
  }

  @Test
  void anUnreachableStoreFailsTheRunSoItIsRetried() throws Exception {
    announce(TestStores.writeSegment(store, "fake", TODAY, 1, "a"));
    store.down = true;
    assertThatThrownBy(() -> catchUp(RetiredSegments.NONE).run()).isInstanceOf(IOException.class);
  }
}
