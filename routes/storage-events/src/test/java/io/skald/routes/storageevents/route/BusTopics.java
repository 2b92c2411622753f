package io.skald.routes.storageevents.route;

import io.skald.bus.Bus;
import io.skald.bus.BusConsumer;
import io.skald.bus.BusRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads what is on a topic, for assertions. */
final class BusTopics {

  private BusTopics() {}

  /** Everything currently readable in {@code topic}, with a group of its own. */
  static List<BusRecord> read(Bus bus, String topic) {
    List<BusRecord> out = new ArrayList<>();
    try (BusConsumer c = bus.consumer("reader-" + System.nanoTime(), topic)) {
      List<BusRecord> batch;
      do {
        batch = c.poll(Duration.ofMillis(50));
        out.addAll(batch);
      } while (!batch.isEmpty());
    }
    return out;
  }
}
