package io.skald.compactor.events;

import static io.skald.compactor.events.HttpEvents.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.skald.events.v1.ObjectCreated;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The binding: HTTP request → CloudEvent → ObjectCreated, for every shape the compactor accepts.
 */
class ObjectCreatedDataTest {

  private static final String KEY = "segments/fake/2026-11-25/0001-00000000000000000042.seg";
  static final ObjectCreated EVENT =
      ObjectCreated.newBuilder()
          .setBucket("loki-chunks")
          .setKey(KEY)
          .setSize(1234)
          .setETag("abc")
          .setEventTimeMillis(1_764_065_730_000L)
          .setSource("writer")
          .build();

  private static ObjectCreated read(HttpEvents.Request r) throws InvalidEventException {
    return ObjectCreatedData.decode(CloudEventRequests.read(r.headers(), r.body()));
  }

  @Test
  void binaryModeWithAvroAsTheKafkaSourceDeliversIt() throws Exception {
    HttpEvents.Request r =
        HttpEvents.binary(
            HttpEvents.fromKafka(2, 42, "fake").withData(HttpEvents.avro(EVENT)).build());
    assertThat(r.headers()).containsKey("Ce-Specversion").doesNotContainKey("Content-Type");
    assertThat(read(r)).isEqualTo(EVENT);
  }

  @Test
  void binaryModeWithAvroAndItsContentType() throws Exception {
    assertThat(
            read(
                HttpEvents.binary(
                    HttpEvents.fromKafka(0, 1, "fake")
                        .withData("application/avro", HttpEvents.avro(EVENT))
                        .build())))
        .isEqualTo(EVENT);
  }

  @Test
  void binaryModeWithAvrosJsonEncoding() throws Exception {
    String json =
        "{\"bucket\":\"loki-chunks\",\"key\":\""
            + KEY
            + "\",\"size\":1234,\"eTag\":{\"string\":\"abc\"},"
            + "\"eventTimeMillis\":1764065730000,\"source\":\"writer\"}";
    assertThat(
            read(
                HttpEvents.binary(
                    HttpEvents.fromKafka(0, 1, "fake")
                        .withData("application/json", utf8(json))
                        .build())))
        .isEqualTo(EVENT);
  }

  @Test
  void binaryModeWithAPlainJsonObject() throws Exception {
    String json =
        "{\"bucket\":\"loki-chunks\",\"key\":\"" + KEY + "\",\"size\":1234,\"eTag\":\"abc\"}";
    ObjectCreated e =
        read(
            HttpEvents.binary(
                HttpEvents.fromKafka(0, 1, "fake")
                    .withData("application/json", utf8(json))
                    .build()));
    assertThat(e.getKey()).isEqualTo(KEY);
    assertThat(e.getETag()).isEqualTo("abc");
    assertThat(e.getEventTimeMillis())
        .as("the CloudEvent's time")
        .isEqualTo(java.time.Instant.parse("2026-11-25T10:15:30Z").toEpochMilli());
    assertThat(e.getSource()).isEqualTo("cloudevent");
  }

  @Test
  void structuredModeWithJsonData() throws Exception {
    String json =
        "{\"bucket\":\"loki-chunks\",\"key\":\""
            + KEY
            + "\",\"size\":1234,\"eTag\":null,\"eventTimeMillis\":5,\"source\":\"writer\"}";
    HttpEvents.Request r =
        HttpEvents.structured(
            HttpEvents.fromKafka(0, 1, "fake").withData("application/json", utf8(json)).build());
    assertThat(new String(r.body())).contains("\"data\":{\"bucket\"");
    ObjectCreated e = read(r);
    assertThat(e.getKey()).isEqualTo(KEY);
    assertThat(e.getETag()).isNull();
    assertThat(e.getEventTimeMillis()).isEqualTo(5);
  }

  @Test
  void structuredModeWithAvroAsBase64Data() throws Exception {
    HttpEvents.Request r =
        HttpEvents.structured(
            HttpEvents.fromKafka(0, 1, "fake")
                .withData("application/avro", HttpEvents.avro(EVENT))
                .build());
    assertThat(new String(r.body())).contains("\"data_base64\"");
    assertThat(read(r)).isEqualTo(EVENT);
  }

  @Test
  void aRequestThatIsNoCloudEventIsNotOne() {
    assertThatThrownBy(
            () ->
                CloudEventRequests.read(
                    Map.of("Content-Type", List.of("application/json")), utf8("{}")))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageStartingWith("not a CloudEvent: ");
    assertThatThrownBy(
            () ->
                CloudEventRequests.read(
                    Map.of("ce-specversion", List.of("1.0"), "ce-id", List.of("1")), new byte[0]))
        .as("no source and type")
        .isInstanceOf(InvalidEventException.class);
    assertThatThrownBy(
            () ->
                CloudEventRequests.read(
                    Map.of("Content-Type", List.of("application/cloudevents+json")), utf8("{")))
        .isInstanceOf(InvalidEventException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "hello",
        "[1]",
        "{\"key\":\"k\"}",
        "{\"bucket\":\"b\"}",
        "{\"bucket\":\"b\",\"key\":7}",
        "{\"bucket\":\"b\",\"key\":\"k\",\"size\":\"big\"}",
        "{\"bucket\":\"b\",\"key\":\"k\",\"size\":1.5}",
        "{\"bucket\":"
      })
  void dataThatIsNoObjectCreatedIsRejectedWithAReason(String data) {
    CloudEvent event =
        HttpEvents.fromKafka(0, 1, "fake").withData("application/json", utf8(data)).build();
    assertThatThrownBy(() -> ObjectCreatedData.decode(event))
        .isInstanceOf(InvalidEventException.class)
        .message()
        .isNotBlank();
  }

  @Test
  void avroThatDoesNotDecodeIsRejected() {
    byte[] avro = HttpEvents.avro(EVENT);
    byte[] truncated = java.util.Arrays.copyOf(avro, 12);
    CloudEvent event = HttpEvents.fromKafka(0, 1, "fake").withData(truncated).build();
    assertThatThrownBy(() -> ObjectCreatedData.decode(event))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageStartingWith("cannot decode Avro ObjectCreated");
  }
}
