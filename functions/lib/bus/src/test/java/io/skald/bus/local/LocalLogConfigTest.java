package io.skald.bus.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalLogConfigTest {

  private static final Path DIR = Path.of("data/bus");

  @Test
  void defaultsAreUsable() {
    LocalLogConfig config = LocalLogConfig.defaults(DIR);
    assertThat(config.partitionsFor("any")).isEqualTo(4);
    assertThat(config.segmentBytes()).isEqualTo(64L << 20);
    assertThat(config.sendTimeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void invalidValuesAreRejected() {
    assertThatThrownBy(() -> new LocalLogConfig(null, 4, Map.of(), 1 << 20))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new LocalLogConfig(DIR, 0, Map.of(), 1 << 20))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LocalLogConfig(DIR, 4, Map.of("t", 0), 1 << 20))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LocalLogConfig(DIR, 4, Map.of("bad name", 1), 1 << 20))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LocalLogConfig(DIR, 4, Map.of(), 100))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LocalLogConfig(DIR, 4, Map.of(), 2L << 30))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LocalLogConfig.defaults(DIR).withSendTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
