package io.skald.bus.local;

import static io.skald.bus.local.LocalLogTesting.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.skald.bus.BusConsumer;
import io.skald.bus.BusRecord;
import io.skald.bus.BusUnavailableException;
import io.skald.bus.RecordPosition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What survives a crash or restart: acknowledged records, torn tails, segments, retention. */
class LocalLogRecoveryTest {

  @TempDir Path dir;

  private LocalLogConfig config(long segmentBytes) {
    return new LocalLogConfig(dir, 2, Map.of(), segmentBytes);
  }

  @Test
  void acknowledgedRecordsAreReadableAfterReopen() {
    try (LocalLogBus bus = LocalLogBus.open(config(1 << 20))) {
      sendAll(bus, 100);
    }
    try (LocalLogBus bus = LocalLogBus.open(config(1 << 20))) {
      assertThat(readAll(bus, "g", 100))
          .extracting(r -> text(r.value()))
          .containsExactlyInAnyOrderElementsOf(values(100));
    }
  }

  @Test
  void everyAcknowledgedRecordSurvivesAnAbruptStopWithReadersOpen() throws Exception {
    LocalLogBus bus = LocalLogBus.open(config(8 * 1024));
    BusConsumer reader = bus.consumer("g", TOPIC);
    sendAll(bus, 50);
    List<BusRecord> firstRead = poll(reader, 50);
    reader.commit(Map.of(0, 10L, 1, 10L));
    List<CompletableFuture<RecordPosition>> inFlight = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      inFlight.add(bus.producer().send(TOPIC, key(i), value(1000 + i)));
    }
    bus.halt(); // no close of the reader, queued records are dropped like in a crash
    List<RecordPosition> acknowledged = new ArrayList<>();
    for (CompletableFuture<RecordPosition> f : inFlight) {
      try {
        acknowledged.add(f.get(WAIT.toSeconds(), TimeUnit.SECONDS));
      } catch (ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(BusUnavailableException.class);
      }
    }
    assertThat(firstRead).hasSize(50);

    try (LocalLogBus reopened = LocalLogBus.open(config(8 * 1024))) {
      long total =
          reopened.consumer("x", TOPIC).endOffset(0) + reopened.consumer("y", TOPIC).endOffset(1);
      List<BusRecord> all = readAll(reopened, "fresh", (int) total);
      assertThat(all.stream().map(r -> new RecordPosition(TOPIC, r.partition(), r.offset())))
          .containsAll(acknowledged);
      BusConsumer resumed = reopened.consumer("g", TOPIC);
      assertThat(poll(resumed, (int) total - 20)).allMatch(r -> r.offset() >= 10);
    }
  }

  @Test
  void tornOrCorruptTailIsTruncatedAndEarlierRecordsSurvive() throws IOException {
    for (TailDamage damage : TailDamage.values()) {
      Path home = dir.resolve(damage.name());
      LocalLogConfig config = new LocalLogConfig(home, 1, Map.of(), 1 << 20);
      try (LocalLogBus bus = LocalLogBus.open(config)) {
        sendAll(bus, 20);
      }
      Path segment = lastSegment(home.resolve("topics").resolve(TOPIC).resolve("0"));
      long intactSize = Files.size(segment);
      Files.write(segment, damage.bytes(20), StandardOpenOption.APPEND);

      try (LocalLogBus bus = LocalLogBus.open(config)) {
        assertThat(Files.size(segment)).as(damage.name()).isEqualTo(intactSize);
        assertThat(readAll(bus, "g", 20))
            .extracting(BusRecord::offset)
            .containsExactlyElementsOf(LongStream.range(0, 20).boxed().toList());
        assertThat(join(bus.producer().send(TOPIC, key(0), value(20))).offset()).isEqualTo(20);
      }
    }
  }

  @Test
  void aCorruptLastRecordIsDroppedOnReopen() throws IOException {
    try (LocalLogBus bus = LocalLogBus.open(new LocalLogConfig(dir, 1, Map.of(), 1 << 20))) {
      sendAll(bus, 10);
    }
    Path segment = lastSegment(dir.resolve("topics").resolve(TOPIC).resolve("0"));
    byte[] content = Files.readAllBytes(segment);
    content[content.length - 2] ^= 0x55; // inside the last value
    Files.write(segment, content);
    try (LocalLogBus bus = LocalLogBus.open(new LocalLogConfig(dir, 1, Map.of(), 1 << 20))) {
      assertThat(readAll(bus, "g", 9))
          .extracting(r -> text(r.value()))
          .containsExactlyElementsOf(values(9));
      assertThat(join(bus.producer().send(TOPIC, key(0), value(9))).offset()).isEqualTo(9);
    }
  }

  @Test
  void readsAcrossRolledSegmentsAndResumesInsideSealedOnes() throws IOException {
    LocalLogConfig config = new LocalLogConfig(dir, 1, Map.of(), 1024);
    try (LocalLogBus bus = LocalLogBus.open(config)) {
      sendAll(bus, 200);
      BusConsumer consumer = bus.consumer("g", TOPIC);
      poll(consumer, 200);
      consumer.commit(Map.of(0, 77L));
    }
    try (Stream<Path> files = Files.list(dir.resolve("topics").resolve(TOPIC).resolve("0"))) {
      assertThat(files.filter(Segment::isSegmentFile).count()).isGreaterThan(5);
    }
    try (LocalLogBus bus = LocalLogBus.open(config)) {
      assertThat(poll(bus.consumer("g", TOPIC), 123))
          .extracting(BusRecord::offset)
          .containsExactlyElementsOf(LongStream.range(77, 200).boxed().toList());
      assertThat(readAll(bus, "other", 200))
          .extracting(r -> text(r.value()))
          .containsExactlyElementsOf(values(200));
    }
  }

  @Test
  void retentionDeletesOldSealedSegmentsAndConsumersRestartAtTheNewStart() throws IOException {
    LocalLogConfig config =
        new LocalLogConfig(dir, 1, Map.of(), 1024).withRetention(Duration.ofHours(1));
    try (LocalLogBus bus = LocalLogBus.open(config)) {
      sendAll(bus, 100);
      BusConsumer consumer = bus.consumer("g", TOPIC);
      poll(consumer, 100);
      consumer.commit(Map.of(0, 5L));
    }
    Path partition = dir.resolve("topics").resolve(TOPIC).resolve("0");
    Path last = lastSegment(partition);
    try (Stream<Path> files = Files.list(partition)) {
      for (Path f : files.filter(Segment::isSegmentFile).filter(f -> !f.equals(last)).toList()) {
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
      }
    }
    long start = Segment.baseOffsetOf(last);
    try (LocalLogBus bus = LocalLogBus.open(config)) {
      try (Stream<Path> files = Files.list(partition)) {
        assertThat(files.filter(Segment::isSegmentFile)).containsExactly(last);
      }
      List<BusRecord> rest = poll(bus.consumer("g", TOPIC), (int) (100 - start));
      assertThat(rest.get(0).offset()).isEqualTo(start);
    }
  }

  /** Damage appended to a segment after its last intact record (offset {@code next}). */
  enum TailDamage {
    GARBAGE,
    ZEROS,
    PARTIAL_FRAME,
    BAD_CRC,
    WRONG_OFFSET;

    byte[] bytes(long next) {
      java.nio.ByteBuffer frame =
          java.nio.ByteBuffer.allocate(FrameCodec.frameSize(null, value(0)));
      FrameCodec.encode(frame, this == WRONG_OFFSET ? next + 5 : next, 1L, null, value(0));
      byte[] b = frame.array();
      return switch (this) {
        case GARBAGE -> "\u0001\u0002garbage that is not a frame".getBytes(StandardCharsets.UTF_8);
        case ZEROS -> new byte[4096];
        case PARTIAL_FRAME -> Arrays.copyOf(b, b.length / 2);
        case BAD_CRC -> {
          b[b.length - 1] ^= 1;
          yield b;
        }
        case WRONG_OFFSET -> b;
      };
    }
  }
}
