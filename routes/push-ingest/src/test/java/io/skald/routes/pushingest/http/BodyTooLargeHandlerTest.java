package io.skald.routes.pushingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.exceptions.ContentLengthExceededException;
import org.junit.jupiter.api.Test;

class BodyTooLargeHandlerTest {

  @Test
  void speaksLokisText() {
    String micronaut = new ContentLengthExceededException(104857600, 105000000).getMessage();
    assertThat(BodyTooLargeHandler.message(micronaut))
        .isEqualTo(
            "request body too large: message size too large than max (105000000 vs 104857600)");
  }
}
