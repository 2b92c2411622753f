package io.skald.routes.pushingest.decode;

import static io.skald.routes.pushingest.decode.PushBodies.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsoniterTextTest {

  @Test
  void quotesTenBytesAroundTheHeadAndFiftyForTheBiggerContext() {
    byte[] body = utf8("0123456789".repeat(12));

    assertThat(JsoniterText.context(body, 60))
        .isEqualTo(
            ", error found in #10 byte of ...|0123456789"
                + "0123456789|..., bigger context ...|"
                + "0123456789".repeat(10)
                + "|...");
  }

  @Test
  void clampsAtTheStart() {
    assertThat(JsoniterText.context(utf8("[]"), 1))
        .isEqualTo(", error found in #1 byte of ...|[]|..., bigger context ...|[]|...");
  }

  @Test
  void foundPrintsTheByte() {
    assertThat(JsoniterText.found(utf8("x{"), 1)).isEqualTo("{");
  }
}
