package io.skald.compactor.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.skald.events.v1.CronTick;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * The {@code CronTick} in a cron CloudEvent. A PingSource sends its configured data ({@code
 * {"kind":"compaction"}}) with whatever content type it was given, so the data is read as JSON
 * whatever the type says; no data at all means the default kind.
 */
public final class CronTicks {

  public static final String DEFAULT_KIND = "compaction";
  private static final ObjectMapper JSON = new ObjectMapper();

  private CronTicks() {}

  public static CronTick decode(CloudEvent event, Clock clock) throws InvalidEventException {
    long scheduledAt =
        event.getTime() == null ? clock.millis() : event.getTime().toInstant().toEpochMilli();
    return new CronTick(kind(CloudEventRequests.data(event)), scheduledAt);
  }

  private static String kind(byte[] data) throws InvalidEventException {
    if (new String(data, StandardCharsets.UTF_8).isBlank()) {
      return DEFAULT_KIND;
    }
    JsonNode o;
    try {
      o = JSON.readTree(data);
    } catch (IOException e) {
      throw new InvalidEventException("cron data is not JSON: " + CloudEventRequests.brief(e));
    }
    JsonNode kind = o.path("kind");
    if (!o.isObject() || !kind.isTextual() || kind.asText().isBlank()) {
      throw new InvalidEventException("cron data has no \"kind\": " + o);
    }
    return kind.asText();
  }
}
