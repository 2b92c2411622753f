package io.skald.compactor.events;

import static io.skald.compactor.events.HttpEvents.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.skald.events.v1.CronTick;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CronTicksTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-25T10:00:07Z"), ZoneOffset.UTC);

  /** What a PingSource sends: type dev.knative.sources.ping, its data, the scheduled time. */
  private static CloudEventBuilder ping() {
    return CloudEventBuilder.v1()
        .withId("e1")
        .withType("dev.knative.sources.ping")
        .withSource(URI.create("/apis/v1/namespaces/skald/pingsources/skald-compaction"))
        .withTime(OffsetDateTime.parse("2026-11-25T10:00:00Z"));
  }

  private static CronTick read(HttpEvents.Request r) throws InvalidEventException {
    CloudEvent e = CloudEventRequests.read(r.headers(), r.body());
    return CronTicks.decode(e, CLOCK);
  }

  @Test
  void aPingSourceTickAsConfiguredInKnative() throws Exception {
    CronTick tick =
        read(
            HttpEvents.binary(
                ping().withData("application/json", utf8("{\"kind\":\"compaction\"}")).build()));
    assertThat(tick)
        .isEqualTo(
            new CronTick("compaction", Instant.parse("2026-11-25T10:00:00Z").toEpochMilli()));
  }

  @Test
  void anyContentTypeAndStructuredModeToo() throws Exception {
    assertThat(
            read(HttpEvents.binary(
                    ping().withData("text/plain", utf8("{\"kind\":\"retention\"}")).build()))
                .getKind())
        .isEqualTo("retention");
    assertThat(
            read(HttpEvents.structured(
                    ping().withData("application/json", utf8("{\"kind\":\"compaction\"}")).build()))
                .getKind())
        .isEqualTo("compaction");
  }

  @Test
  void noDataMeansTheDefaultKindAndNoTimeMeansNow() throws Exception {
    CloudEvent bare =
        CloudEventBuilder.v1().withId("e2").withType("t").withSource(URI.create("/s")).build();
    assertThat(CronTicks.decode(bare, CLOCK)).isEqualTo(new CronTick("compaction", CLOCK.millis()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "compaction",
        "{\"kind\":7}",
        "{\"kind\":\"\"}",
        "[\"compaction\"]",
        "{\"other\":1}"
      })
  void dataWithoutAKindIsRejected(String data) {
    CloudEvent e = ping().withData("application/json", utf8(data)).build();
    assertThatThrownBy(() -> CronTicks.decode(e, CLOCK)).isInstanceOf(InvalidEventException.class);
  }
}
