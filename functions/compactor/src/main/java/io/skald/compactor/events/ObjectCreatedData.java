package io.skald.compactor.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.skald.events.v1.ObjectCreated;
import io.skald.schemas.MalformedEventException;
import io.skald.schemas.Topics;
import java.io.IOException;

/**
 * The {@code ObjectCreated} a storage CloudEvent carries: Avro single-object encoding (what the
 * chunker puts on {@code storage.events}, delivered as-is by the KafkaSource), Avro's JSON
 * encoding, or a plain JSON object with the same field names. The encoding is recognised from the
 * bytes (Avro's C3 01 marker) rather than trusted from the content type, which a KafkaSource sets
 * only when the Kafka record says.
 */
public final class ObjectCreatedData {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ObjectCreatedData() {}

  public static ObjectCreated decode(CloudEvent event) throws InvalidEventException {
    byte[] data = CloudEventRequests.data(event);
    if (data.length == 0) {
      throw new InvalidEventException("the event has no data");
    }
    if (data.length >= 2 && (data[0] & 0xFF) == 0xC3 && data[1] == 0x01) {
      return avro(data);
    }
    if (looksLikeJson(data)) {
      return json(data, event);
    }
    throw new InvalidEventException(
        "data is neither Avro nor JSON (content type " + event.getDataContentType() + ")");
  }

  private static ObjectCreated avro(byte[] data) throws InvalidEventException {
    try {
      return Topics.OBJECT_CREATED.decode(data);
    } catch (MalformedEventException e) {
      throw new InvalidEventException("cannot decode Avro ObjectCreated: " + e.detail());
    }
  }

  private static boolean looksLikeJson(byte[] data) {
    for (byte b : data) {
      if (!Character.isWhitespace(b)) {
        return b == '{';
      }
    }
    return false;
  }

  private static ObjectCreated json(byte[] data, CloudEvent event) throws InvalidEventException {
    JsonNode o;
    try {
      o = JSON.readTree(data);
    } catch (IOException e) {
      throw new InvalidEventException("invalid JSON ObjectCreated: " + CloudEventRequests.brief(e));
    }
    long eventTime = event.getTime() == null ? 0 : event.getTime().toInstant().toEpochMilli();
    return ObjectCreated.newBuilder()
        .setBucket(text(o, "bucket", true))
        .setKey(text(o, "key", true))
        .setSize(number(o, "size", 0))
        .setETag(text(o, "eTag", false))
        .setEventTimeMillis(number(o, "eventTimeMillis", eventTime))
        .setSource(o.hasNonNull("source") ? text(o, "source", true) : "cloudevent")
        .build();
  }

  /** A string field; Avro's JSON encoding writes an optional one as {@code {"string": "..."}}. */
  private static String text(JsonNode o, String field, boolean required)
      throws InvalidEventException {
    JsonNode v = o.get(field);
    if (v != null && v.isObject() && v.size() == 1 && v.has("string")) {
      v = v.get("string");
    }
    if (v == null || v.isNull()) {
      if (required) {
        throw new InvalidEventException("JSON ObjectCreated has no " + field);
      }
      return null;
    }
    if (!v.isTextual() || (required && v.asText().isEmpty())) {
      throw new InvalidEventException("JSON ObjectCreated: " + field + " is not a string");
    }
    return v.asText();
  }

  private static long number(JsonNode o, String field, long fallback) throws InvalidEventException {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new InvalidEventException("JSON ObjectCreated: " + field + " is not an integer");
    }
    return v.asLong();
  }
}
