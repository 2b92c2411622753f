package io.skald.routes.pushingest.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HumanizeTest {

  @Test
  void formatsLikeGoHumanizeBytes() {
    assertThat(Humanize.bytes(5)).isEqualTo("5 B");
    assertThat(Humanize.bytes(1500)).isEqualTo("1.5 kB");
    assertThat(Humanize.bytes(16777216)).isEqualTo("17 MB");
    assertThat(Humanize.bytes(104857600)).isEqualTo("105 MB");
  }
}
