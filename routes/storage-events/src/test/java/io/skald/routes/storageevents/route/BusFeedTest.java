package io.skald.routes.storageevents.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skald.bus.Bus;
import io.skald.bus.BusConsumer;
import io.skald.bus.BusRecord;
import io.skald.bus.BusUnavailableException;
import io.skald.bus.local.LocalLogBus;
import io.skald.bus.local.LocalLogConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BusFeedTest {

  @TempDir Path dir;
  private Bus bus;

  @BeforeEach
  void open() {
    bus =
        LocalLogBus.open(
            new LocalLogConfig(dir, 2, Map.of(), LocalLogConfig.DEFAULT_SEGMENT_BYTES));
  }

  @AfterEach
  void close() {
    bus.close();
  }

  private void send(String value) throws Exception {
    bus.producer()
        .send("in", value.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8))
        .get();
  }

  /** Runs a feed over topic "in" in group "g" until {@code done} holds, then stops it. */
  private void feed(Consumer<BusRecord> route, java.util.concurrent.Callable<Boolean> done)
      throws Exception {
    BusConsumer consumer = bus.consumer("g", "in");
    BusFeed feed = new BusFeed(consumer, route);
    Thread t = new Thread(feed);
    t.start();
    try {
      await().atMost(Duration.ofSeconds(20)).until(done);
    } finally {
      feed.stop();
      t.join(10_000);
      consumer.close();
    }
    assertThat(t.isAlive()).isFalse();
  }

  private List<BusRecord> uncommitted() {
    try (BusConsumer c = bus.consumer("g", "in")) {
      return c.poll(Duration.ofMillis(200));
    }
  }

  @Test
  void handsEveryRecordToTheRouteAndCommitsAfterwards() throws Exception {
    send("a");
    send("b");
    List<String> seen = new CopyOnWriteArrayList<>();
    feed(r -> seen.add(new String(r.value(), StandardCharsets.UTF_8)), () -> seen.size() == 2);
    assertThat(seen).containsExactlyInAnyOrder("a", "b");
    assertThat(uncommitted()).isEmpty();
  }

  @Test
  void aRouteFailureRereadsFromTheLastCommitInsteadOfSkipping() throws Exception {
    send("a");
    AtomicInteger calls = new AtomicInteger();
    List<String> delivered = new CopyOnWriteArrayList<>();
    feed(
        r -> {
          if (calls.incrementAndGet() <= 2) {
            throw new BusUnavailableException("bus down");
          }
          delivered.add(new String(r.value(), StandardCharsets.UTF_8));
        },
        () -> !delivered.isEmpty());
    assertThat(calls.get()).isEqualTo(3);
    assertThat(delivered).containsExactly("a");
    assertThat(uncommitted()).isEmpty();
  }

  @Test
  void nothingIsCommittedWhileTheRouteKeepsFailing() throws Exception {
    send("a");
    AtomicInteger calls = new AtomicInteger();
    feed(
        r -> {
          calls.incrementAndGet();
          throw new BusUnavailableException("bus down");
        },
        () -> calls.get() >= 2);
    assertThat(uncommitted())
        .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
        .containsExactly("a");
  }
}
