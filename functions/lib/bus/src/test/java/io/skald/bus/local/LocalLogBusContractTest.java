package io.skald.bus.local;

import io.skald.bus.Bus;
import io.skald.bus.BusContractTest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

class LocalLogBusContractTest extends BusContractTest {

  @TempDir Path dir;

  /** Small segments so that the contract also runs across segment rolls. */
  @Override
  protected Bus openBus(Map<String, Integer> topicPartitions) {
    return LocalLogBus.open(new LocalLogConfig(dir, 4, topicPartitions, 16 * 1024));
  }
}
