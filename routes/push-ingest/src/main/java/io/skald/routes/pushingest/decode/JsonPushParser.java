package io.skald.routes.pushingest.decode;

import static io.skald.routes.pushingest.decode.JsoniterText.MALFORMED_ARRAY;
import static io.skald.routes.pushingest.decode.JsoniterText.MALFORMED_OBJECT;
import static io.skald.routes.pushingest.decode.JsoniterText.MALFORMED_STRING;
import static io.skald.routes.pushingest.decode.JsoniterText.MALFORMED_VALUE;
import static io.skald.routes.pushingest.decode.JsoniterText.OVERFLOW_INTEGER;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import io.skald.gocompat.GoQuote;
import io.skald.gocompat.Utf8;
import io.skald.routes.pushingest.model.MetadataPair;
import io.skald.routes.pushingest.model.PushEntry;
import io.skald.routes.pushingest.model.PushRequest;
import io.skald.routes.pushingest.model.PushStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The v1 JSON dialect, {@code {"streams":[{"stream":{..},"values":[["<ns>","<line>",{sm}]]}]}},
 * read with a streaming parser. Semantics and error texts follow Loki's decoder: the timestamp must
 * be a JSON string holding an integer; non-string label values are taken as their raw JSON text;
 * structured metadata values must be strings; the stream's label text is printed sorted by name
 * with Go-quoted values (and is parsed later by the validator).
 */
final class JsonPushParser {
  static final String STREAMS_PATH = "loghttp.PushRequest.Streams: []loghttp.LogProtoStream: ";
  private static final String ELEMENT_PATH = STREAMS_PATH + "unmarshalerDecoder";

  private final byte[] body;
  private final boolean acceptQueryStyleMetadata;
  private final JsonParser p;

  private JsonPushParser(byte[] body, boolean acceptQueryStyleMetadata, JsonParser p) {
    this.body = body;
    this.acceptQueryStyleMetadata = acceptQueryStyleMetadata;
    this.p = p;
  }

  static PushRequest parse(byte[] body, boolean acceptQueryStyleMetadata) {
    if (JsonSupport.root(body) == JsonSupport.Root.NULL) {
      return new PushRequest(List.of());
    }
    try {
      return parseObject(body, acceptQueryStyleMetadata);
    } catch (IOException e) {
      if (JsonSupport.isInvalidUtf8(e)) {
        byte[] clean = JsonSupport.sanitizeUtf8(body);
        try {
          return parseObject(clean, acceptQueryStyleMetadata);
        } catch (IOException again) {
          throw JsonSupport.syntaxError("loghttp.PushRequest.", again, clean);
        }
      }
      throw JsonSupport.syntaxError("loghttp.PushRequest.", e, body);
    }
  }

  private static PushRequest parseObject(byte[] body, boolean acceptQueryStyleMetadata)
      throws IOException {
    try (JsonParser p = JsonSupport.open(body)) {
      return new JsonPushParser(body, acceptQueryStyleMetadata, p).request();
    }
  }

  private PushRequest request() throws IOException {
    List<PushStream> streams = List.of();
    p.nextToken(); // START_OBJECT, checked by root()
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      boolean isStreams = p.currentName().equalsIgnoreCase("streams");
      p.nextToken();
      if (isStreams) {
        streams = streams();
      } else {
        JsonSupport.skipValue(p);
      }
    }
    return new PushRequest(streams);
  }

  private List<PushStream> streams() throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (t != JsonToken.START_ARRAY) {
      long start = JsonSupport.tokenStart(p);
      throw JsoniterText.error(
          STREAMS_PATH,
          "decode slice",
          "expect [ or n, but found " + JsoniterText.found(body, start),
          body,
          start + 1);
    }
    JsonStreamContext array = p.getParsingContext();
    List<PushStream> streams = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      streams.add(element(array));
    }
    return streams;
  }

  /** One element of {@code streams}; a semantic error is reported at the end of the element. */
  private PushStream element(JsonStreamContext array) throws IOException {
    String error;
    if (p.currentToken() == JsonToken.START_OBJECT) {
      StreamResult r = stream();
      if (r.error == null) {
        return r.stream;
      }
      error = r.error;
    } else {
      error = MALFORMED_OBJECT;
    }
    // finish the element like json-iterator's SkipAndReturnBytes, then report
    while (p.getParsingContext() != array) {
      if (p.nextToken() == null) {
        throw new java.io.EOFException("unexpected end of input");
      }
    }
    long head = JsonSupport.skipValue(p);
    throw JsoniterText.error("", ELEMENT_PATH, error, body, head);
  }

  private record StreamResult(PushStream stream, String error) {}

  private StreamResult stream() throws IOException {
    String labels = "";
    List<PushEntry> entries = List.of();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken v = p.nextToken();
      if (key.equals("stream")) {
        if (v != JsonToken.START_OBJECT) {
          return new StreamResult(null, MALFORMED_OBJECT);
        }
        labels = labelSet();
      } else if (key.equals("values")) {
        if (v == JsonToken.VALUE_NULL) {
          continue;
        }
        if (v != JsonToken.START_ARRAY) {
          return new StreamResult(null, MALFORMED_ARRAY);
        }
        entries = new ArrayList<>();
        String err = values(entries);
        if (err != null) {
          return new StreamResult(null, err);
        }
      } else {
        JsonSupport.skipValue(p);
      }
    }
    return new StreamResult(new PushStream(labels, entries), null);
  }

  /**
   * {@code {"a":"b",...}} printed as Loki's {@code LabelSet.String()}: sorted keys, Go-quoted
   * values.
   */
  private String labelSet() throws IOException {
    Map<String, String> set = new TreeMap<>(Utf8::compare);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      set.put(name, v == JsonToken.VALUE_STRING ? p.getText() : JsonSupport.rawValue(p, body));
    }
    StringBuilder b = new StringBuilder(set.size() * 16 + 2).append('{');
    for (Map.Entry<String, String> e : set.entrySet()) {
      if (b.length() > 1) {
        b.append(", ");
      }
      b.append(e.getKey()).append('=');
      GoQuote.appendQuoted(b, e.getValue());
    }
    return b.append('}').toString();
  }

  /**
   * Reads the {@code values} array into {@code out}; returns the first entry's error text, if any.
   */
  private String values(List<PushEntry> out) throws IOException {
    while (p.nextToken() != JsonToken.END_ARRAY) {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NULL) {
        continue;
      }
      if (t != JsonToken.START_ARRAY) {
        return MALFORMED_ARRAY;
      }
      String err = entry(out);
      if (err != null) {
        return err;
      }
    }
    return null;
  }

  /**
   * One {@code [ts, line, sm]} array, replaying the index bookkeeping of Loki's decoder: an element
   * of the wrong type records an error without advancing the index, so a later element can take its
   * slot (and overwrite the error).
   */
  private String entry(List<PushEntry> out) throws IOException {
    int i = 0;
    String error = null;
    long ts = Long.MIN_VALUE; // never set: Go's zero time
    String line = "";
    List<MetadataPair> metadata = List.of();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      JsonToken t = p.currentToken();
      if ((i == 0 || i == 1) && t != JsonToken.VALUE_STRING) {
        error = MALFORMED_STRING;
        JsonSupport.skipValue(p);
        continue;
      }
      if (i == 2 && t != JsonToken.START_OBJECT) {
        error = MALFORMED_OBJECT;
        JsonSupport.skipValue(p);
        continue;
      }
      switch (i) {
        case 0 -> {
          String text = p.getText();
          String tsError = parseTimestampError(text);
          if (tsError != null) {
            error = tsError;
            continue;
          }
          ts = text.equals("-") ? 0 : Long.parseLong(text);
        }
        case 1 -> line = p.getText();
        case 2 -> {
          List<MetadataPair> sm = new ArrayList<>();
          String smError = acceptQueryStyleMetadata ? queryStyleMetadata(sm) : metadata(sm);
          if (smError != null) {
            error = smError;
            continue;
          }
          metadata = sm;
        }
        default -> JsonSupport.skipValue(p);
      }
      i++;
    }
    if (error != null) {
      return error;
    }
    out.add(new PushEntry(ts, line, metadata));
    return null;
  }

  /** A flat object of string values; stops at the first non-string value like Loki. */
  private String metadata(List<MetadataPair> sm) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      if (p.nextToken() != JsonToken.VALUE_STRING) {
        JsonSupport.skipValue(p);
        skipRemainingFields();
        return MALFORMED_STRING;
      }
      sm.add(new MetadataPair(name, p.getText()));
    }
    return null;
  }

  /** The query-response form {@code {"structuredMetadata":{..},"parsed":{..}}} (opt-in). */
  private String queryStyleMetadata(List<MetadataPair> sm) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if (v == JsonToken.START_OBJECT) {
        if (name.equals("structuredMetadata") || name.equals("parsed")) {
          List<MetadataPair> inner = new ArrayList<>();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            JsonToken iv = p.nextToken();
            if (iv != JsonToken.VALUE_STRING
                && iv != JsonToken.VALUE_NUMBER_INT
                && iv != JsonToken.VALUE_NUMBER_FLOAT) {
              String type = JsonSupport.goTypeName(iv);
              JsonSupport.skipValue(p);
              skipRemainingFields(); // the inner object
              skipRemainingFields(); // the metadata object
              return "could not parse label value. Expected string or number, got " + type;
            }
            inner.add(new MetadataPair(k, p.getText()));
          }
          if (name.equals("structuredMetadata")) {
            sm.clear();
            sm.addAll(inner);
          }
        } else {
          JsonSupport.skipValue(p);
        }
        continue;
      }
      sm.add(
          new MetadataPair(
              name, v == JsonToken.VALUE_STRING ? p.getText() : JsonSupport.rawValue(p, body)));
    }
    sm.sort((a, b) -> Utf8.compare(a.name(), b.name()));
    return null;
  }

  /** Skips the remaining fields of the current object, ending on its END_OBJECT. */
  private void skipRemainingFields() throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      p.nextToken();
      JsonSupport.skipValue(p);
    }
  }

  /** jsonparser's {@code ParseInt}: optional '-', digits, no leading zeros; null when valid. */
  static String parseTimestampError(String s) {
    if (s.isEmpty()) {
      return MALFORMED_VALUE;
    }
    int i = s.charAt(0) == '-' ? 1 : 0;
    boolean neg = i == 1;
    long n = 0; // unsigned accumulation
    for (int idx = 0; i < s.length(); i++, idx++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return MALFORMED_VALUE;
      }
      if (n == 0 && idx != 0) {
        return MALFORMED_VALUE;
      }
      if (Long.compareUnsigned(n, Long.divideUnsigned(-1L, 10)) > 0) {
        return OVERFLOW_INTEGER;
      }
      long n1 = n * 10 + (c - '0');
      if (Long.compareUnsigned(n1, n * 10) < 0) {
        return OVERFLOW_INTEGER;
      }
      n = n1;
    }
    if (Long.compareUnsigned(n, Long.MAX_VALUE) > 0 && !(neg && n == Long.MIN_VALUE)) {
      return OVERFLOW_INTEGER;
    }
    return null;
  }
}
