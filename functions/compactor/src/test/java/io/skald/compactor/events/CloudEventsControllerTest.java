package io.skald.compactor.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CloudEventsControllerTest {

  @Test
  void outcomesAreSafeHeaderValues() {
    assertThat(
            CloudEventsController.headerSafe("dead-lettered: not a segment key: a/b c\r\nX: y é"))
        .isEqualTo("dead-lettered: not a segment key: a/b c??X: y ?");
    assertThat(CloudEventsController.headerSafe("x".repeat(2000))).hasSize(512);
  }
}
