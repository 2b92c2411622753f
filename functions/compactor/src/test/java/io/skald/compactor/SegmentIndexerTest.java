package io.skald.compactor;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skald.compactor.SegmentIndexer.Outcome;
import io.skald.events.v1.ObjectCreated;
import io.skald.index.IndexStore;
import io.skald.index.TenantDayIndex;
import io.skald.layout.ObjectKeys;
import io.skald.segment.SegmentWriter;
import io.skald.storage.FileSystemObjectStore;
import io.skald.storage.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentIndexerTest {

  private static final LocalDate DAY = LocalDate.of(2026, 11, 25);

  @TempDir Path dir;
  private ObjectStore store;
  private IndexStore indexes;
  private SegmentIndexer indexer;

  @BeforeEach
  void setUp() throws Exception {
    store = new FileSystemObjectStore(dir, "loki-chunks");
    indexes = new IndexStore(store);
    indexer = new SegmentIndexer(indexes, new SimpleMeterRegistry());
  }

  private String writeSegment(String tenant, long offset, String labels, String... lines)
      throws Exception {
    SegmentWriter w = new SegmentWriter();
    long ts = 1_764_028_800_000_000_000L;
    for (String l : lines) {
      w.append(labels, ts++, l.getBytes(StandardCharsets.UTF_8), List.of());
    }
    String key = ObjectKeys.segment(tenant, DAY, 0, offset);
    store.put(key, w.finish());
    return key;
  }

  private static ObjectCreated event(String bucket, String key) {
    return ObjectCreated.newBuilder()
        .setBucket(bucket)
        .setKey(key)
        .setSize(1)
        .setEventTimeMillis(0)
        .setSource("writer")
        .build();
  }

  @Test
  void indexesSegmentsIntoTheirTenantDay() throws Exception {
    String k1 = writeSegment("t", 0, "{app=\"a\"}", "x", "y");
    String k2 = writeSegment("t", 5, "{app=\"b\"}", "z");
    assertThat(indexer.index(event("loki-chunks", k1))).isEqualTo(Outcome.INDEXED);
    assertThat(indexer.index(event("loki-chunks", k2))).isEqualTo(Outcome.INDEXED);
    assertThat(store.head(ObjectKeys.index("t", DAY))).isEmpty(); // written on flush only
    indexer.flush();
    TenantDayIndex index = indexes.load("t", DAY);
    assertThat(index.segments()).extracting(s -> s.key()).containsExactly(k1, k2);
    assertThat(index.segments().get(0).streams().get(0).entries()).isEqualTo(2);
  }

  @Test
  void reindexingAnOverwrittenSegmentReplacesItsEntry() throws Exception {
    String key = writeSegment("t", 0, "{app=\"a\"}", "x");
    indexer.index(event("loki-chunks", key));
    indexer.flush();
    writeSegment("t", 0, "{app=\"a\"}", "x", "y", "z");
    indexer.index(event("loki-chunks", key));
    indexer.flush();
    TenantDayIndex index = indexes.load("t", DAY);
    assertThat(index.segments()).hasSize(1);
    assertThat(index.segments().get(0).streams().get(0).entries()).isEqualTo(3);
  }

  @Test
  void classifiesEventsItCannotIndex() throws Exception {
    assertThat(indexer.index(event("other-bucket", "segments/t/2026-11-25/0000-1.seg")))
        .isEqualTo(Outcome.FOREIGN_BUCKET);
    assertThat(indexer.index(event("loki-chunks", "index/v1/t/2026-11-25.json")))
        .isEqualTo(Outcome.NOT_A_SEGMENT);
    assertThat(indexer.index(event("loki-chunks", ObjectKeys.segment("t", DAY, 0, 99))))
        .isEqualTo(Outcome.SKIPPED);
    String corrupt = ObjectKeys.segment("t", DAY, 0, 7);
    store.put(corrupt, "definitely not a segment".getBytes(StandardCharsets.UTF_8));
    assertThat(indexer.index(event("loki-chunks", corrupt))).isEqualTo(Outcome.CORRUPT);
    // Moved aside with its reason, so it never trips catch-up or a rebuild again.
    assertThat(store.head(corrupt)).isEmpty();
    assertThat(store.get("quarantine/" + corrupt))
        .hasValueSatisfying(
            b ->
                assertThat(new String(b, StandardCharsets.UTF_8))
                    .isEqualTo("definitely not a segment"));
    assertThat(store.get("quarantine/" + corrupt + ".reason")).isPresent();
  }
}
