package io.skald.compactor.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.jackson.JsonFormat;
import io.skald.events.v1.ObjectCreated;
import io.skald.schemas.Topics;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * CloudEvents as HTTP requests, written by the CloudEvents SDK the way Knative's sources send them.
 */
final class HttpEvents {

  /** Headers (as a server sees them: any case, possibly several values) and body. */
  record Request(Map<String, List<String>> headers, byte[] body) {}

  static final URI KAFKA_SOURCE =
      URI.create(
          "/apis/v1/namespaces/skald/kafkasources/skald-storage-events#" + Topics.STORAGE_EVENTS);

  private HttpEvents() {}

  /**
   * What a KafkaSource makes of a record of storage.events: type, source, subject, key as it sets
   * them.
   */
  static CloudEventBuilder fromKafka(int partition, long offset, String key) {
    return CloudEventBuilder.v1()
        .withId("partition:" + partition + "/offset:" + offset)
        .withSource(KAFKA_SOURCE)
        .withType("dev.knative.kafka.event")
        .withSubject("partition:" + partition + "#" + offset)
        .withTime(OffsetDateTime.parse("2026-11-25T10:15:30Z"))
        .withExtension("key", key);
  }

  static Request binary(CloudEvent event) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    AtomicReference<byte[]> body = new AtomicReference<>(new byte[0]);
    HttpMessageFactory.createWriter((k, v) -> headers.put(mixedCase(k), List.of(v)), body::set)
        .writeBinary(event);
    return new Request(headers, body.get());
  }

  static Request structured(CloudEvent event) {
    byte[] body =
        EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE).serialize(event);
    return new Request(Map.of("Content-Type", List.of(JsonFormat.CONTENT_TYPE)), body);
  }

  static byte[] avro(ObjectCreated event) {
    return Topics.OBJECT_CREATED.encode(event);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** "ce-id" → "Ce-Id": servers and proxies do not keep header case. */
  private static String mixedCase(String header) {
    StringBuilder b = new StringBuilder(header.length());
    boolean up = true;
    for (char c : header.toCharArray()) {
      b.append(up ? Character.toUpperCase(c) : c);
      up = c == '-';
    }
    return b.toString();
  }
}
