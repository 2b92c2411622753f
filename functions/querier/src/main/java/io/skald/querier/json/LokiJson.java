package io.skald.querier.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.skald.querier.engine.LogEntry;
import io.skald.querier.engine.QueryStats;
import io.skald.querier.engine.ResultStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Writes the JSON bodies of Loki's query API, field for field (contract §3). */
public final class LokiJson {

  private static final JsonFactory JSON = new JsonFactory();

  private LokiJson() {}

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static byte[] render(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** {@code {"status":"success","data":{"resultType":"streams","result":[...],"stats":{...}}}}. */
  public static byte[] streams(List<ResultStream> streams, QueryStats stats) {
    return render(g -> {
      g.writeStartObject();
      g.writeStringField("status", "success");
      g.writeObjectFieldStart("data");
      g.writeStringField("resultType", "streams");
      g.writeArrayFieldStart("result");
      for (ResultStream s : streams) {
        g.writeStartObject();
        writeLabels(g, "stream", s.labels());
        g.writeArrayFieldStart("values");
        for (LogEntry e : s.entries()) {
          g.writeStartArray();
          g.writeString(Long.toString(e.timestampNanos()));
          g.writeString(e.line());
          g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      StatsWriter.write(g, stats);
      g.writeEndObject();
      g.writeEndObject();
    });
  }

  /** {@code {"status":"success","data":[...]}}; Loki omits {@code data} when empty. */
  public static byte[] stringList(Collection<String> values) {
    return render(g -> {
      g.writeStartObject();
      g.writeStringField("status", "success");
      if (!values.isEmpty()) {
        g.writeArrayFieldStart("data");
        for (String v : values) {
          g.writeString(v);
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    });
  }

  /** Legacy {@code /api/prom/label} shape: {@code {"values":[...]}}. */
  public static byte[] legacyValues(Collection<String> values) {
    return render(g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("values");
      for (String v : values) {
        g.writeString(v);
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  /** {@code {"status":"success","data":[{label:value,...},...]}}. */
  public static byte[] series(Collection<? extends Map<String, String>> series) {
    return render(g -> {
      g.writeStartObject();
      g.writeStringField("status", "success");
      g.writeArrayFieldStart("data");
      for (Map<String, String> s : series) {
        g.writeStartObject();
        for (Map.Entry<String, String> e : s.entrySet()) {
          g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  /** {@code /loki/api/v1/status/buildinfo}. */
  public static byte[] buildInfo(Map<String, String> info) {
    return render(g -> {
      g.writeStartObject();
      for (Map.Entry<String, String> e : info.entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
    });
  }

  private static void writeLabels(JsonGenerator g, String field, Map<String, String> labels) throws IOException {
    g.writeObjectFieldStart(field);
    for (Map.Entry<String, String> e : labels.entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }
}
