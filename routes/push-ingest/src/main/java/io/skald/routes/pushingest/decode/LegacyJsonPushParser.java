package io.skald.routes.pushingest.decode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.skald.gocompat.GoRfc3339;
import io.skald.gocompat.Utf8;
import io.skald.routes.pushingest.PushException;
import io.skald.routes.pushingest.model.MetadataPair;
import io.skald.routes.pushingest.model.PushEntry;
import io.skald.routes.pushingest.model.PushRequest;
import io.skald.routes.pushingest.model.PushStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The legacy dialect of {@code /api/prom/push}: the protobuf message in JSON form, {@code
 * {"streams":[{"labels":"{a=\"b\"}","entries":[{"ts":"<RFC3339>","line":".."}]}]}}. Field names
 * match case-insensitively (json-iterator's default); {@code structuredMetadata} is an object of
 * strings. Errors carry json-iterator's field path, e.g. {@code push.PushRequest.Streams:
 * []push.Stream: push.Stream.Entries: []push.Entry: push.Entry.Timestamp: ...}.
 */
final class LegacyJsonPushParser {
  private static final String STREAMS = "push.PushRequest.Streams: []push.Stream: ";
  private static final String ENTRIES = STREAMS + "push.Stream.Entries: []push.Entry: ";

  private final byte[] body;
  private final JsonParser p;

  private LegacyJsonPushParser(byte[] body, JsonParser p) {
    this.body = body;
    this.p = p;
  }

  static PushRequest parse(byte[] body) {
    if (JsonSupport.root(body) == JsonSupport.Root.NULL) {
      return new PushRequest(List.of());
    }
    try {
      return parseObject(body);
    } catch (IOException e) {
      if (JsonSupport.isInvalidUtf8(e)) {
        byte[] clean = JsonSupport.sanitizeUtf8(body);
        try {
          return parseObject(clean);
        } catch (IOException again) {
          throw JsonSupport.syntaxError("push.PushRequest.", again, clean);
        }
      }
      throw JsonSupport.syntaxError("push.PushRequest.", e, body);
    }
  }

  private static PushRequest parseObject(byte[] body) throws IOException {
    try (JsonParser p = JsonSupport.open(body)) {
      return new LegacyJsonPushParser(body, p).request();
    }
  }

  private PushRequest request() throws IOException {
    List<PushStream> streams = List.of();
    p.nextToken();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (name.equalsIgnoreCase("streams")) {
        streams = streams();
      } else if (name.equalsIgnoreCase("format")) {
        readString("push.PushRequest.Format: ");
      } else {
        JsonSupport.skipValue(p);
      }
    }
    return new PushRequest(streams);
  }

  private List<PushStream> streams() throws IOException {
    if (!startArray(STREAMS)) {
      return List.of();
    }
    List<PushStream> streams = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (startObject(STREAMS)) {
        streams.add(stream());
      } else {
        streams.add(new PushStream("", List.of()));
      }
    }
    return streams;
  }

  private PushStream stream() throws IOException {
    String labels = "";
    List<PushEntry> entries = List.of();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (name.equalsIgnoreCase("labels")) {
        labels = readString(STREAMS + "push.Stream.Labels: ");
      } else if (name.equalsIgnoreCase("entries")) {
        entries = entries();
      } else {
        JsonSupport.skipValue(p);
      }
    }
    return new PushStream(labels, entries);
  }

  private List<PushEntry> entries() throws IOException {
    if (!startArray(STREAMS + "push.Stream.Entries: ")) {
      return List.of();
    }
    List<PushEntry> entries = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      entries.add(startObject(ENTRIES) ? entry() : new PushEntry(Long.MIN_VALUE, ""));
    }
    return entries;
  }

  private PushEntry entry() throws IOException {
    long ts = Long.MIN_VALUE; // Go's zero time when absent or null
    String line = "";
    List<MetadataPair> metadata = List.of();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if (name.equalsIgnoreCase("ts")) {
        ts = v == JsonToken.VALUE_NULL ? Long.MIN_VALUE : timestamp(v);
      } else if (name.equalsIgnoreCase("line")) {
        line = readString(ENTRIES + "push.Entry.Line: ");
      } else if (name.equalsIgnoreCase("structuredMetadata")) {
        metadata = labels("StructuredMetadata");
      } else if (name.equalsIgnoreCase("parsed")) {
        labels("Parsed");
      } else {
        JsonSupport.skipValue(p);
      }
    }
    return new PushEntry(ts, line, metadata);
  }

  private long timestamp(JsonToken v) throws IOException {
    String path = ENTRIES + "push.Entry.Timestamp: ";
    if (v != JsonToken.VALUE_STRING) {
      long head = JsonSupport.skipValue(p);
      throw JsoniterText.error(
          path, "unmarshalerDecoder", "Time.UnmarshalJSON: input is not a JSON string", body, head);
    }
    long start = JsonSupport.tokenStart(p);
    long end = JsonSupport.tokenEnd(p);
    // Go parses the raw bytes between the quotes (escapes are not decoded)
    String raw = new String(body, (int) start + 1, (int) (end - start - 2), StandardCharsets.UTF_8);
    try {
      return GoRfc3339.parseNanos(raw);
    } catch (GoRfc3339.ParseException e) {
      throw JsoniterText.error(path, "unmarshalerDecoder", e.getMessage(), body, end);
    }
  }

  /** {@code LabelsAdapter.UnmarshalJSON}: an object of strings, sorted by name. */
  private List<MetadataPair> labels(String field) throws IOException {
    JsonToken v = p.currentToken();
    if (v == JsonToken.VALUE_NULL) {
      return List.of();
    }
    String path = ENTRIES + "push.Entry." + field + ": ";
    if (v != JsonToken.START_OBJECT) {
      String type = JsonSupport.goTypeName(v);
      long head = JsonSupport.skipValue(p);
      throw JsoniterText.error(
          path,
          "unmarshalerDecoder",
          "json: cannot unmarshal " + type + " into Go value of type map[string]string",
          body,
          head);
    }
    List<MetadataPair> pairs = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NULL) {
        pairs.removeIf(x -> x.name().equals(name));
        pairs.add(new MetadataPair(name, t == JsonToken.VALUE_NULL ? "" : p.getText()));
        continue;
      }
      String type = JsonSupport.goTypeName(t);
      JsonSupport.skipValue(p);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        p.nextToken();
        JsonSupport.skipValue(p);
      }
      throw JsoniterText.error(
          path,
          "unmarshalerDecoder",
          "json: cannot unmarshal " + type + " into Go value of type string",
          body,
          p.currentLocation().getByteOffset());
    }
    pairs.sort((a, b) -> Utf8.compare(a.name(), b.name()));
    return pairs;
  }

  private String readString(String path) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    if (t == JsonToken.VALUE_NULL) {
      return "";
    }
    throw foundError(path, "ReadString", "expects \" or n, but found ");
  }

  /** True at '[', false at null; anything else fails like json-iterator's slice decoder. */
  private boolean startArray(String path) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_ARRAY) {
      return true;
    }
    if (t == JsonToken.VALUE_NULL) {
      return false;
    }
    throw foundError(path, "decode slice", "expect [ or n, but found ");
  }

  /** True at '{', false at null; anything else fails like json-iterator's struct decoder. */
  private boolean startObject(String path) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      return true;
    }
    if (t == JsonToken.VALUE_NULL) {
      return false;
    }
    throw foundError(path, "readObjectStart", "expect { or n, but found ");
  }

  private PushException foundError(String path, String operation, String message) {
    long start = JsonSupport.tokenStart(p);
    return JsoniterText.error(
        path, operation, message + JsoniterText.found(body, start), body, start + 1);
  }
}
