package io.skald.querier.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.skald.labels.LabelSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DetectedFieldsTest {

  private static ResultStream stream(LogEntry... entries) {
    TreeMap<String, String> labels = new TreeMap<>(Map.of("app", "api"));
    return new ResultStream(labels, LabelSet.of(labels).toString(), List.of(entries));
  }

  @Test
  void jsonLinesGiveTypedFieldsWithTheirPaths() {
    DetectedFields d = new DetectedFields(1000);
    d.add(
        stream(
            new LogEntry(
                1,
                "{\"status\":200,\"latency\":\"15ms\",\"req\":{\"path\":\"/a\"},\"ok\":true}",
                Map.of("trace_id", "t1"),
                Map.of()),
            new LogEntry(
                2,
                "{\"status\":500,\"latency\":\"1.5s\",\"req\":{\"path\":\"/b\"},\"ok\":false}",
                Map.of("trace_id", "t2"),
                Map.of())));
    Map<String, DetectedFields.Field> byName = new TreeMap<>();
    d.fields().forEach(f -> byName.put(f.name, f));
    assertThat(byName).containsOnlyKeys("trace_id", "status", "latency", "req_path", "ok");
    assertThat(byName.get("status").type).isEqualTo(FieldType.INT);
    assertThat(byName.get("status").values).hasSize(2);
    assertThat(byName.get("latency").type).isEqualTo(FieldType.DURATION);
    assertThat(byName.get("ok").type).isEqualTo(FieldType.BOOLEAN);
    assertThat(byName.get("req_path").jsonPath).containsExactly("req", "path");
    assertThat(byName.get("req_path").parsers).containsExactly("json");
    assertThat(byName.get("trace_id").parsers).isEmpty();
  }

  @Test
  void logfmtIsTheFallbackAndUnparseableLinesAddNothing() {
    DetectedFields d = new DetectedFields(1000);
    d.add(
        stream(
            new LogEntry(1, "level=info size=10KB took=0.5", Map.of(), Map.of()),
            new LogEntry(2, "just words here", Map.of(), Map.of())));
    assertThat(d.fields())
        .extracting(f -> f.name + ":" + f.type.json() + ":" + f.parsers)
        .containsExactlyInAnyOrder(
            "level:string:[logfmt]", "size:bytes:[logfmt]", "took:float:[logfmt]");
  }

  @Test
  void typesFollowLokisOrder() {
    assertThat(FieldType.of("42")).isEqualTo(FieldType.INT);
    assertThat(FieldType.of("4.2")).isEqualTo(FieldType.FLOAT);
    assertThat(FieldType.of("true")).isEqualTo(FieldType.BOOLEAN);
    assertThat(FieldType.of("300ms")).isEqualTo(FieldType.DURATION);
    assertThat(FieldType.of("12MB")).isEqualTo(FieldType.BYTES);
    assertThat(FieldType.of("hello")).isEqualTo(FieldType.STRING);
  }
}
