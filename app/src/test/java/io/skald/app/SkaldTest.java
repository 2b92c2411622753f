package io.skald.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skald.health.Targets;
import org.junit.jupiter.api.Test;

class SkaldTest {

  @Test
  void flagsBecomeSkaldProperties() {
    assertThat(
            Skald.toProperties(
                new String[] {
                  "--target=querier",
                  "--auth.enabled",
                  "--port",
                  "3200",
                  "--micronaut.server.host=127.0.0.1"
                }))
        .containsExactly(
            "-skald.target=querier",
            "-skald.auth.enabled=true",
            "-skald.port=3200",
            "-micronaut.server.host=127.0.0.1");
  }

  @Test
  void rejectsStrayArguments() {
    assertThatThrownBy(() -> Skald.toProperties(new String[] {"querier"}))
        .hasMessageContaining("unexpected argument 'querier'");
  }

  @Test
  void helpListsEveryTarget() {
    for (String target : Targets.NAMES) {
      assertThat(Help.TEXT).contains("  " + target + " ");
    }
    assertThat("querier").matches(Targets.VALID);
    assertThat("all").matches(Targets.VALID);
    assertThat("ingest,chunker").matches(Targets.VALID);
    assertThat("everything").doesNotMatch(Targets.VALID);
  }
}
