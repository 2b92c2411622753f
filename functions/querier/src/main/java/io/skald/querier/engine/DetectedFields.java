package io.skald.querier.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.skald.labels.Label;
import io.skald.labels.LabelSet;
import io.skald.logql.log.LabelCategory;
import io.skald.logql.log.Pipeline;
import io.skald.logql.log.PipelineResult;
import io.skald.logql.log.StreamPipeline;
import io.skald.logql.syntax.LogQL;
import io.skald.logql.syntax.ParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loki's field detection for Grafana and Logs Drilldown: structured metadata, and what a {@code
 * json} parser (or, failing that, {@code logfmt}) extracts from each sampled line, with a type
 * guessed from one value, the distinct-value count and the JSON path of json fields.
 */
public final class DetectedFields {

  /** One detected field. */
  public static final class Field {
    public final String name;
    public FieldType type;
    public final Set<String> parsers = new LinkedHashSet<>();
    public final Set<String> values = new TreeSet<>();
    public List<String> jsonPath = List.of();

    Field(String name) {
      this.name = name;
    }
  }

  private static final JsonFactory JSON = new JsonFactory();
  private final Pipeline json;
  private final Pipeline logfmt;
  private final int limit;
  private final Map<String, Field> fields = new LinkedHashMap<>();

  public DetectedFields(int limit) {
    this.limit = limit;
    try {
      this.json = Pipeline.compile(LogQL.parseLogSelector("{x=\"y\"} | json").pipeline());
      this.logfmt = Pipeline.compile(LogQL.parseLogSelector("{x=\"y\"} | logfmt").pipeline());
    } catch (ParseException e) {
      throw new IllegalStateException("built-in parser pipelines must compile", e);
    }
  }

  /** Adds every entry of one result stream (labels as returned with categorize-labels). */
  public void add(ResultStream stream) {
    LabelSet streamLabels = LabelSet.of(stream.labels());
    StreamPipeline jsonStream = json.forStream(streamLabels);
    StreamPipeline logfmtStream = logfmt.forStream(streamLabels);
    for (LogEntry e : stream.entries()) {
      if (e.metadata() != null) {
        e.metadata().forEach((k, v) -> record(k, v, null, List.of()));
      }
      if (e.parsed() != null) {
        e.parsed()
            .forEach(
                (k, v) -> {
                  if (!k.startsWith("__")) {
                    record(k, v, null, List.of());
                  }
                });
      }
      byte[] line = e.line().getBytes(StandardCharsets.UTF_8);
      PipelineResult r = jsonStream.process(e.timestampNanos(), line, 0, line.length, List.of());
      String parser = "json";
      if (hasError(r)) {
        r = logfmtStream.process(e.timestampNanos(), line, 0, line.length, List.of());
        parser = "logfmt";
        if (hasError(r)) {
          continue;
        }
      }
      Map<String, List<String>> paths = parser.equals("json") ? jsonPaths(line) : Map.of();
      for (Label l : r.labels().asList()) {
        if (r.categoryOf(l.name()) == LabelCategory.PARSED) {
          record(l.name(), l.value(), parser, paths.getOrDefault(l.name(), List.of()));
        }
      }
    }
  }

  private static boolean hasError(PipelineResult r) {
    return !r.keep() || r.labels().has("__error__");
  }

  private void record(String name, String value, String parser, List<String> jsonPath) {
    Field f = fields.get(name);
    if (f == null) {
      if (fields.size() >= limit) {
        return;
      }
      f = new Field(name);
      f.type = FieldType.of(value);
      fields.put(name, f);
    }
    if (parser != null) {
      f.parsers.add(parser);
    }
    if (!jsonPath.isEmpty()) {
      f.jsonPath = jsonPath;
    }
    f.values.add(value);
  }

  public List<Field> fields() {
    return new ArrayList<>(fields.values());
  }

  /** Flattened json-parser names (keys joined with '_', sanitised) mapped to their key paths. */
  static Map<String, List<String>> jsonPaths(byte[] line) {
    Map<String, List<String>> out = new HashMap<>();
    try (JsonParser p = JSON.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return out;
      }
      walk(p, new ArrayList<>(), out);
    } catch (IOException e) {
      return out;
    }
    return out;
  }

  private static void walk(JsonParser p, List<String> path, Map<String, List<String>> out)
      throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      path.add(p.currentName());
      JsonToken t = p.nextToken();
      if (t == JsonToken.START_OBJECT) {
        walk(p, path, out);
      } else if (t == JsonToken.START_ARRAY) {
        p.skipChildren();
      } else {
        out.putIfAbsent(sanitize(String.join("_", path)), List.copyOf(path));
      }
      path.remove(path.size() - 1);
    }
  }

  private static String sanitize(String name) {
    StringBuilder b = new StringBuilder(name.length());
    for (char c : name.toCharArray()) {
      b.append(
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
              ? c
              : '_');
    }
    return b.toString();
  }
}
