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
    return streams(streams, stats, false);
  }

  /**
   * With {@code categorized}, every value is {@code ["<ns>","<line>",{"structuredMetadata":{..},
   * "parsed":{..}}]} (keys only when non-empty) and {@code data.encodingFlags} names the flag.
   */
  public static byte[] streams(List<ResultStream> streams, QueryStats stats, boolean categorized) {
    return render(
        g -> {
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
              if (categorized) {
                g.writeStartObject();
                if (e.metadata() != null && !e.metadata().isEmpty()) {
                  writeLabels(g, "structuredMetadata", e.metadata());
                }
                if (e.parsed() != null && !e.parsed().isEmpty()) {
                  writeLabels(g, "parsed", e.parsed());
                }
                g.writeEndObject();
              }
              g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
          }
          g.writeEndArray();
          StatsWriter.write(g, stats);
          if (categorized) {
            g.writeArrayFieldStart("encodingFlags");
            g.writeString("categorize-labels");
            g.writeEndArray();
          }
          g.writeEndObject();
          g.writeEndObject();
        });
  }

  /**
   * A metric result: {@code
   * {"status":"success","warnings":[...]?,"data":{"resultType":..,"result":.., "stats":{..}}}},
   * warnings before data as Loki writes them.
   */
  public static byte[] metric(
      io.skald.logql.engine.MetricResult result, List<String> warnings, QueryStats stats) {
    return render(
        g -> {
          g.writeStartObject();
          g.writeStringField("status", "success");
          if (!warnings.isEmpty()) {
            g.writeArrayFieldStart("warnings");
            for (String w : warnings) {
              g.writeString(w);
            }
            g.writeEndArray();
          }
          g.writeObjectFieldStart("data");
          io.skald.logql.engine.MetricJson.writeFields(g, result);
          StatsWriter.write(g, stats);
          g.writeEndObject();
          g.writeEndObject();
        });
  }

  /** {@code {"status":"success","data":[...]}}; Loki omits {@code data} when empty. */
  public static byte[] stringList(Collection<String> values) {
    return render(
        g -> {
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
    return render(
        g -> {
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
    return render(
        g -> {
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
    return render(
        g -> {
          g.writeStartObject();
          for (Map.Entry<String, String> e : info.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
          }
          g.writeEndObject();
        });
  }

  /** {@code index/stats}: {@code {"streams":N,"chunks":N,"entries":N,"bytes":N}}. */
  public static byte[] indexStats(io.skald.querier.engine.VolumeQueries.IndexStats st) {
    return render(
        g -> {
          g.writeStartObject();
          g.writeNumberField("streams", st.streams());
          g.writeNumberField("chunks", st.chunks());
          g.writeNumberField("entries", st.entries());
          g.writeNumberField("bytes", st.bytes());
          g.writeEndObject();
        });
  }

  /**
   * {@code index/volume} (vector at {@code atNanos}) or {@code volume_range} (matrix) in Prometheus
   * JSON.
   */
  public static byte[] volumes(
      List<io.skald.querier.engine.VolumeQueries.Volume> volumes, boolean matrix, long atNanos) {
    return render(
        g -> {
          g.writeStartObject();
          g.writeStringField("status", "success");
          g.writeObjectFieldStart("data");
          g.writeStringField("resultType", matrix ? "matrix" : "vector");
          g.writeArrayFieldStart("result");
          for (var v : volumes) {
            g.writeStartObject();
            writeLabels(g, "metric", v.labels());
            if (matrix) {
              g.writeArrayFieldStart("values");
              for (Map.Entry<Long, Long> p : v.bytesByBucket().entrySet()) {
                writeSample(g, p.getKey(), Long.toString(p.getValue()));
              }
              g.writeEndArray();
            } else {
              long total = v.bytesByBucket().values().stream().mapToLong(Long::longValue).sum();
              g.writeFieldName("value");
              writeSample(g, atNanos, Long.toString(total));
            }
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
          g.writeEndObject();
        });
  }

  /** {@code [<seconds with up to 3 decimals>, "<value>"]}, as Prometheus and Loki write samples. */
  public static void writeSample(JsonGenerator g, long nanos, String value) throws IOException {
    g.writeStartArray();
    g.writeNumber(seconds(nanos));
    g.writeString(value);
    g.writeEndArray();
  }

  /**
   * Unix seconds with at most millisecond decimals and no trailing zeros: {@code 4}, {@code
   * 1588889221.123}.
   */
  public static String seconds(long nanos) {
    return java.math.BigDecimal.valueOf(Math.floorDiv(nanos, 1_000_000L), 3)
        .stripTrailingZeros()
        .toPlainString();
  }

  /** {@code {"fields":[{"label","type","cardinality","parsers","jsonPath"}],"limit":N}}. */
  public static byte[] detectedFields(
      List<io.skald.querier.engine.DetectedFields.Field> fields, int limit) {
    return render(
        g -> {
          g.writeStartObject();
          g.writeArrayFieldStart("fields");
          for (var f : fields) {
            g.writeStartObject();
            g.writeStringField("label", f.name);
            g.writeStringField("type", f.type.json());
            g.writeNumberField("cardinality", f.values.size());
            g.writeArrayFieldStart("parsers");
            for (String p : f.parsers) {
              g.writeString(p);
            }
            g.writeEndArray();
            if (!f.jsonPath.isEmpty()) {
              g.writeArrayFieldStart("jsonPath");
              for (String k : f.jsonPath) {
                g.writeString(k);
              }
              g.writeEndArray();
            }
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeNumberField("limit", limit);
          g.writeEndObject();
        });
  }

  /** {@code {"values":[...],"limit":N}}. */
  public static byte[] detectedFieldValues(java.util.Collection<String> values, int limit) {
    return render(
        g -> {
          g.writeStartObject();
          g.writeArrayFieldStart("values");
          for (String v : values) {
            g.writeString(v);
          }
          g.writeEndArray();
          g.writeNumberField("limit", limit);
          g.writeEndObject();
        });
  }

  /** {@code {"detectedLabels":[{"label":..,"cardinality":..}]}}. */
  public static byte[] detectedLabels(Map<String, Integer> labels) {
    return render(
        g -> {
          g.writeStartObject();
          g.writeArrayFieldStart("detectedLabels");
          for (Map.Entry<String, Integer> e : labels.entrySet()) {
            g.writeStartObject();
            g.writeStringField("label", e.getKey());
            g.writeNumberField("cardinality", e.getValue());
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  /** {@code patterns} while pattern detection is off, as Loki answers: no patterns. */
  public static byte[] noPatterns() {
    return render(
        g -> {
          g.writeStartObject();
          g.writeStringField("status", "success");
          g.writeArrayFieldStart("data");
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  /**
   * {@code format_query}: success with the canonical query, or Loki's {@code invalid-query} shape.
   */
  public static byte[] formatQuery(String formatted, String error) {
    return render(
        g -> {
          g.writeStartObject();
          g.writeStringField("status", error == null ? "success" : "invalid-query");
          if (error == null) {
            g.writeStringField("data", formatted);
          } else {
            g.writeStringField("error", error);
          }
          g.writeEndObject();
        });
  }

  /** {@code drilldown-limits}: the allow-listed limits Logs Drilldown reads. */
  public static byte[] drilldownLimits(Map<String, Object> limits, String version) {
    return render(
        g -> {
          g.writeStartObject();
          g.writeObjectFieldStart("limits");
          for (Map.Entry<String, Object> e : limits.entrySet()) {
            g.writeFieldName(e.getKey());
            Object v = e.getValue();
            if (v instanceof Boolean b) {
              g.writeBoolean(b);
            } else if (v instanceof Number n) {
              g.writeNumber(n.longValue());
            } else if (v instanceof List<?> list) {
              g.writeStartArray();
              for (Object o : list) {
                g.writeString(String.valueOf(o));
              }
              g.writeEndArray();
            } else {
              g.writeString(String.valueOf(v));
            }
          }
          g.writeEndObject();
          g.writeBooleanField("pattern_ingester_enabled", false);
          g.writeStringField("version", version);
          g.writeEndObject();
        });
  }

  private static void writeLabels(JsonGenerator g, String field, Map<String, String> labels)
      throws IOException {
    g.writeObjectFieldStart(field);
    for (Map.Entry<String, String> e : labels.entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }
}
