package io.skald.compactor.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the CloudEvent in an HTTP request with the CloudEvents SDK: binary mode ({@code ce-*}
 * headers, the body is the data) or structured mode ({@code application/cloudevents+json}).
 */
public final class CloudEventRequests {

  private CloudEventRequests() {}

  public static CloudEvent read(Map<String, List<String>> headers, byte[] body)
      throws InvalidEventException {
    // The SDK matches header names as written; HTTP names are case-insensitive.
    Map<String, String> lower = new HashMap<>();
    headers.forEach(
        (name, values) -> {
          if (values != null && !values.isEmpty()) {
            lower.putIfAbsent(name.toLowerCase(Locale.ROOT), values.get(0));
          }
        });
    try {
      return HttpMessageFactory.createReader(lower, body == null ? new byte[0] : body).toEvent();
    } catch (RuntimeException e) {
      // The SDK reports bad events with several types: CloudEventRWException,
      // EventDeserializationException, ...
      throw new InvalidEventException("not a CloudEvent: " + e.getMessage());
    }
  }

  /** Jackson's message without the source location it appends (which says "REDACTED" anyway). */
  static String brief(Exception e) {
    String m =
        e instanceof JsonProcessingException j
            ? j.getOriginalMessage()
            : String.valueOf(e.getMessage());
    int paren = m.indexOf(" (start marker at");
    return paren < 0 ? m : m.substring(0, paren);
  }

  /** The event's data, or an empty array when it has none. */
  static byte[] data(CloudEvent event) {
    return event.getData() == null ? new byte[0] : event.getData().toBytes();
  }
}
