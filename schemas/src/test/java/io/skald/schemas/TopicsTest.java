package io.skald.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skald.events.v1.LabelPair;
import io.skald.events.v1.LogBatch;
import io.skald.events.v1.LogEntry;
import io.skald.events.v1.ObjectCreated;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalog must put on the wire exactly what Skald has always put there. */
class TopicsTest {

  private static final LogBatch BATCH =
      LogBatch.newBuilder()
          .setTenant("team-a")
          .setLabels("{app=\"api\", env=\"prod\"}")
          .setReceivedAtMillis(1_764_028_800_123L)
          .setEntries(
              List.of(
                  new LogEntry(
                      1_764_028_800_000_000_001L,
                      "hello ünïcode",
                      List.of(new LabelPair("detected_level", "info")))))
          .build();

  private static final ObjectCreated CREATED =
      ObjectCreated.newBuilder()
          .setBucket("loki-chunks")
          .setKey("segments/team-a/2025-11-25/0003-00000000000000000042.seg")
          .setSize(1234)
          .setETag("d41d8cd98f00b204e9800998ecf8427e")
          .setEventTimeMillis(1_764_028_800_456L)
          .setSource("writer")
          .build();

  /** Avro single-object encoding of BATCH: C3 01, the schema fingerprint, then Avro binary. */
  private static final String BATCH_HEX =
      "c301"
          + "a09b8050c2e7479d"
          + "0c7465616d2d61"
          + "2e7b6170703d22617069222c20656e763d2270726f64227d"
          + "02"
          + "8280f8d89db68bfb30"
          + "1e68656c6c6f20c3bc6ec3af636f6465"
          + "02"
          + "1c64657465637465645f6c6576656c"
          + "08696e666f"
          + "00"
          + "00"
          + "f6f1fa84d766";

  @Test
  void encodesExactlyWhatTheGeneratedClassesWrite() throws Exception {
    assertThat(Topics.LOG_BATCH.encode(BATCH)).isEqualTo(bytes(BATCH.toByteBuffer()));
    assertThat(Topics.OBJECT_CREATED.encode(CREATED)).isEqualTo(bytes(CREATED.toByteBuffer()));
  }

  @Test
  void theWireFormatIsPinned() {
    assertThat(HexFormat.of().formatHex(Topics.LOG_BATCH.encode(BATCH))).isEqualTo(BATCH_HEX);
  }

  @Test
  void decodesWhatItEncodes() throws Exception {
    assertThat(Topics.LOG_BATCH.decode(Topics.LOG_BATCH.encode(BATCH))).isEqualTo(BATCH);
    assertThat(Topics.OBJECT_CREATED.decode(Topics.OBJECT_CREATED.encode(CREATED)))
        .isEqualTo(CREATED);
    assertThat(Topics.OBJECT_CREATED.decode(bytes(CREATED.toByteBuffer()))).isEqualTo(CREATED);
  }

  @Test
  void keysFollowEachTopicsRule() {
    assertThat(utf8(Topics.LOG_BATCH.key(BATCH))).isEqualTo("team-a{app=\"api\", env=\"prod\"}");
    assertThat(utf8(Topics.OBJECT_CREATED.key(CREATED))).isEqualTo("team-a");
    ObjectCreated notASegment =
        ObjectCreated.newBuilder(CREATED).setKey("index/v1/team-a/2025-11-25.json").build();
    assertThatThrownBy(() -> Topics.OBJECT_CREATED.key(notASegment))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("index/v1/team-a/2025-11-25.json");
  }

  @Test
  void refusesValuesThatAreNotItsEvents() {
    assertThatThrownBy(() -> Topics.LOG_BATCH.decode("not avro".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageStartingWith("cannot decode LogBatch: ");
    assertThatThrownBy(() -> Topics.OBJECT_CREATED.decode(Topics.LOG_BATCH.encode(BATCH)))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageStartingWith("cannot decode ObjectCreated: ");
    byte[] truncated = Topics.LOG_BATCH.encode(BATCH);
    assertThatThrownBy(
            () -> Topics.LOG_BATCH.decode(java.util.Arrays.copyOf(truncated, truncated.length - 4)))
        .isInstanceOf(MalformedEventException.class);
  }

  @Test
  void namesTheTopicsSkaldUses() {
    assertThat(Topics.LOG_BATCH.name()).isEqualTo("logs.push");
    assertThat(Topics.LOG_BATCH.type()).isEqualTo(LogBatch.class);
    assertThat(Topics.OBJECT_CREATED.name()).isEqualTo("storage.events");
    assertThat(Topics.OBJECT_CREATED.type()).isEqualTo(ObjectCreated.class);
    assertThat(List.of(Topics.LOGS_PUSH_DLQ, Topics.STORAGE_EVENTS_S3, Topics.STORAGE_EVENTS_DLQ))
        .containsExactly("logs.push.dlq", "storage.events.s3", "storage.events.dlq");
  }

  private static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  private static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
