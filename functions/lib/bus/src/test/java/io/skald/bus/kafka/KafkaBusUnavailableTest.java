package io.skald.bus.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.skald.bus.BusConsumer;
import io.skald.bus.BusRecord;
import io.skald.bus.BusUnavailableException;
import io.skald.bus.RecordPosition;
import io.skald.harness.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Stops its own broker (not the shared one): sends fail in bounded time, then recover. */
class KafkaBusUnavailableTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static KafkaBroker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = KafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void sendsFailWithinTheTimeoutWhileKafkaIsDownAndSucceedAfterRestart() throws Exception {
    String topic = "down-" + UUID.randomUUID();
    try (KafkaBus bus =
        new KafkaBus(KafkaBusConfig.of(broker.bootstrapServers()).withTimeout(TIMEOUT))) {
      RecordPosition before = send(bus, topic, "before").get(30, TimeUnit.SECONDS);

      bus.ping(TIMEOUT);
      broker.stop();
      long pingStart = System.nanoTime();
      assertThatThrownBy(() -> bus.ping(TIMEOUT))
          .isInstanceOf(BusUnavailableException.class)
          .hasMessageStartingWith("kafka: describe cluster");
      assertThat(Duration.ofNanos(System.nanoTime() - pingStart))
          .isLessThan(TIMEOUT.plusSeconds(2));
      assertUnavailableWithinBound(() -> send(bus, topic, "while down"));
      assertUnavailableWithinBound(() -> send(bus, "new-" + UUID.randomUUID(), "new topic"));

      broker.restart();
      List<RecordPosition> after = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                try {
                  after.add(send(bus, topic, "after").get(30, TimeUnit.SECONDS));
                  return true;
                } catch (ExecutionException e) {
                  assertThat(e.getCause()).isInstanceOf(BusUnavailableException.class);
                  return false;
                }
              });

      bus.ping(TIMEOUT);
      try (BusConsumer consumer = bus.consumer("g-" + UUID.randomUUID(), topic)) {
        List<BusRecord> records = new ArrayList<>();
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> {
                  records.addAll(consumer.poll(Duration.ofMillis(200)));
                  return records.stream().anyMatch(r -> text(r).equals("after"));
                });
        assertThat(records)
            .extracting(KafkaBusUnavailableTest::text)
            .startsWith("before")
            .contains("after");
        assertThat(records.get(0).offset()).isEqualTo(before.offset());
      }
    }
  }

  private static void assertUnavailableWithinBound(
      java.util.function.Supplier<CompletableFuture<RecordPosition>> send) {
    long start = System.nanoTime();
    CompletableFuture<RecordPosition> future = send.get();
    assertThat(future)
        .failsWithin(Duration.ofSeconds(30))
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(BusUnavailableException.class);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    System.out.printf("send failed with the broker down after %d ms%n", took.toMillis());
    // send() may block up to max.block.ms (= timeout) for metadata, then delivery.timeout runs.
    assertThat(took).isLessThan(TIMEOUT.multipliedBy(3));
  }

  private static CompletableFuture<RecordPosition> send(KafkaBus bus, String topic, String v) {
    return bus.producer()
        .send(topic, "k".getBytes(StandardCharsets.UTF_8), v.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(BusRecord r) {
    return new String(r.value(), StandardCharsets.UTF_8);
  }
}
