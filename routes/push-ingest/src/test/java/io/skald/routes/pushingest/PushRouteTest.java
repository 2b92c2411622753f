package io.skald.routes.pushingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PushRouteTest {

  @Test
  void followsLokisVersionRule() {
    assertThat(PushRoute.fromRequestUri("/loki/api/v1/push")).isEqualTo(PushRoute.V1);
    assertThat(PushRoute.fromRequestUri("/LOKI/API/V1/push?x=1")).isEqualTo(PushRoute.V1);
    assertThat(PushRoute.fromRequestUri("/api/prom/push")).isEqualTo(PushRoute.LEGACY);
    assertThat(PushRoute.V1.path()).isEqualTo("/loki/api/v1/push");
  }

  @Test
  void pushExceptionCarriesStatusAndGoHttpBody() {
    PushException e =
        new PushException(422, "error at least one valid stream is required for ingestion");

    assertThat(e.status()).isEqualTo(422);
    assertThat(e.httpBody())
        .isEqualTo("error at least one valid stream is required for ingestion\n");
  }
}
