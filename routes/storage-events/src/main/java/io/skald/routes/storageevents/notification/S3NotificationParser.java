package io.skald.routes.storageevents.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the S3 event-notification JSON that AWS, MinIO and Ceph RGW publish: {@code
 * {"Records":[{"eventName", "eventTime",
 * "s3":{"bucket":{"name"},"object":{"key","size","eTag"}}}]}}. MinIO wraps the same array as {@code
 * {"EventName","Key","Records":[...]}}; only {@code Records} is read, so both shapes parse alike.
 *
 * <p>Object keys arrive URL-encoded ({@code +} for a space, {@code %2F} for a slash) and are
 * decoded here. Skald's own keys never contain {@code +} or {@code %}, so decoding a key a store
 * sent unencoded cannot change it.
 */
public final class S3NotificationParser {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The records of a notification; empty for AWS's {@code s3:TestEvent}, which S3 sends once when a
   * notification target is configured and which announces no object.
   */
  public List<S3EventRecord> parse(byte[] json) throws MalformedNotificationException {
    JsonNode root = readTree(json);
    if (!root.isObject()) {
      throw new MalformedNotificationException("not a JSON object");
    }
    JsonNode records = root.get("Records");
    if (records == null && "s3:TestEvent".equals(root.path("Event").asText(null))) {
      return List.of();
    }
    if (records == null || !records.isArray()) {
      throw new MalformedNotificationException("no Records array");
    }
    List<S3EventRecord> out = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      out.add(record(records.get(i), "Records[" + i + "]"));
    }
    return out;
  }

  private static JsonNode readTree(byte[] json) throws MalformedNotificationException {
    if (json == null || json.length == 0) {
      throw new MalformedNotificationException("empty record");
    }
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new MalformedNotificationException(
          "invalid JSON" + where(e) + ": " + brief(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new MalformedNotificationException("unreadable JSON: " + e.getMessage(), e);
    }
  }

  private static String where(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  /** Jackson's message without the parenthesised source location it repeats. */
  private static String brief(String message) {
    int paren = message.indexOf(" (start marker at");
    return paren < 0 ? message : message.substring(0, paren);
  }

  private static S3EventRecord record(JsonNode r, String at) throws MalformedNotificationException {
    if (!r.isObject()) {
      throw new MalformedNotificationException(at + " is not an object");
    }
    JsonNode s3 = r.path("s3");
    String eventName = text(r, "eventName", at);
    String bucket = text(s3.path("bucket"), "name", at + ".s3.bucket");
    JsonNode object = s3.path("object");
    String key = decodeKey(text(object, "key", at + ".s3.object"), at);
    return new S3EventRecord(
        eventName,
        r.path("eventSource").asText(null),
        instant(r.path("eventTime").asText(null)),
        bucket,
        key,
        size(object.get("size"), at),
        unquote(object.path("eTag").asText(null)));
  }

  private static String text(JsonNode parent, String field, String at)
      throws MalformedNotificationException {
    JsonNode v = parent.get(field);
    if (v == null || !v.isTextual() || v.asText().isEmpty()) {
      throw new MalformedNotificationException(at + "." + field + " is missing");
    }
    return v.asText();
  }

  private static String decodeKey(String raw, String at) throws MalformedNotificationException {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new MalformedNotificationException(at + ".s3.object.key is not URL-encoded: " + raw);
    }
  }

  private static long size(JsonNode v, String at) throws MalformedNotificationException {
    if (v == null || v.isNull()) {
      return -1;
    }
    if (v.canConvertToLong() && v.asLong() >= 0) {
      return v.asLong();
    }
    if (v.isTextual() && v.asText().matches("\\d{1,18}")) {
      return Long.parseLong(v.asText());
    }
    throw new MalformedNotificationException(at + ".s3.object.size is not a size: " + v);
  }

  /** RFC 3339 as AWS and MinIO write it; Ceph has been seen with a space instead of the 'T'. */
  private static Instant instant(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.strip().replace(' ', 'T')).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String unquote(String eTag) {
    if (eTag == null || eTag.isEmpty()) {
      return null;
    }
    return eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")
        ? eTag.substring(1, eTag.length() - 1)
        : eTag;
  }
}
