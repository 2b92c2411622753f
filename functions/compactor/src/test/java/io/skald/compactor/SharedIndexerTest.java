package io.skald.compactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skald.events.v1.ObjectCreated;
import io.skald.index.IndexStore;
import io.skald.index.IndexedSegment;
import io.skald.index.TenantDayIndex;
import io.skald.layout.ObjectKeys;
import io.skald.segment.SegmentWriter;
import io.skald.storage.FileSystemObjectStore;
import io.skald.storage.ObjectStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedIndexerTest {

  private static final LocalDate DAY = LocalDate.of(2026, 11, 25);

  @TempDir Path dir;
  private ObjectStore store;
  private IndexStore indexes;
  private SharedIndexer shared;

  @BeforeEach
  void setUp() throws Exception {
    store = new FileSystemObjectStore(dir, "loki-chunks");
    indexes = new IndexStore(store);
    shared = new SharedIndexer(new SegmentIndexer(indexes, new SimpleMeterRegistry()));
  }

  private String segment(long offset) throws IOException {
    SegmentWriter w = new SegmentWriter();
    w.append(
        "{app=\"a\"}",
        1_764_028_800_000_000_000L + offset,
        "x".getBytes(StandardCharsets.UTF_8),
        List.of());
    String key = ObjectKeys.segment("t", DAY, 0, offset);
    store.put(key, w.finish());
    return key;
  }

  private static ObjectCreated event(String key) {
    return ObjectCreated.newBuilder()
        .setBucket("loki-chunks")
        .setKey(key)
        .setSize(1)
        .setEventTimeMillis(0)
        .setSource("writer")
        .build();
  }

  @Test
  void aFailedBatchLeavesNothingBehindForTheNextFlush() throws Exception {
    String first = segment(1);
    assertThatThrownBy(
            () ->
                shared.indexAndFlush(
                    ix -> {
                      ix.index(event(first));
                      throw new IOException("store went away");
                    }))
        .isInstanceOf(IOException.class);
    // Meanwhile another writer (compaction, say) replaced the index.
    TenantDayIndex other = TenantDayIndex.empty("t", DAY);
    indexes.save(other);
    String second = segment(2);
    shared.indexAndFlush(ix -> ix.index(event(second)));
    assertThat(indexes.load("t", DAY).segments())
        .extracting(IndexedSegment::key)
        .as("the failed batch's cached copy was not written back")
        .containsExactly(second);
  }

  @Test
  void indexWritersTakeTurns() throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> compaction =
        CompletableFuture.runAsync(
            () -> {
              try {
                shared.exclusively(
                    () -> {
                      holding.countDown();
                      awaitQuietly(release);
                      return null;
                    });
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    holding.await();
    String key = segment(3);
    CompletableFuture<SegmentIndexer.Outcome> event =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return shared.indexAndFlush(ix -> ix.index(event(key)));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> !event.isDone());
    release.countDown();
    assertThat(event.get()).isEqualTo(SegmentIndexer.Outcome.INDEXED);
    compaction.get();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
