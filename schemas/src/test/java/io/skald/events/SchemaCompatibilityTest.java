package io.skald.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.skald.events.v1.CronTick;
import io.skald.events.v1.LogBatch;
import io.skald.events.v1.ObjectCreated;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Released schemas are frozen copies under {@code released/v1}; the schemas we build must read what
 * the released ones wrote and the other way round, so events in flight survive an upgrade and a
 * rollback.
 */
class SchemaCompatibilityTest {

  record Case(String file, Schema current) {
    @Override
    public String toString() {
      return file;
    }
  }

  static Stream<Case> releasedSchemas() {
    return Stream.of(
        new Case("LogBatch.avsc", LogBatch.getClassSchema()),
        new Case("ObjectCreated.avsc", ObjectCreated.getClassSchema()),
        new Case("CronTick.avsc", CronTick.getClassSchema()));
  }

  @ParameterizedTest
  @MethodSource("releasedSchemas")
  void currentSchemaReadsReleasedData(Case c) throws IOException {
    Schema released = released(c.file());
    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(c.current(), released).getType())
        .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
  }

  @ParameterizedTest
  @MethodSource("releasedSchemas")
  void releasedSchemaReadsCurrentData(Case c) throws IOException {
    Schema released = released(c.file());
    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(released, c.current()).getType())
        .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
  }

  @ParameterizedTest
  @MethodSource("releasedSchemas")
  void everyFieldIsDocumented(Case c) {
    assertThat(c.current().getDoc()).isNotBlank();
    for (Schema.Field f : c.current().getFields()) {
      assertThat(f.doc()).as("doc of %s.%s", c.current().getName(), f.name()).isNotBlank();
    }
  }

  @ParameterizedTest
  @MethodSource("releasedSchemas")
  void namespaceCarriesAVersion(Case c) {
    assertThat(c.current().getNamespace()).matches("io\\.skald\\.events\\.v\\d+");
  }

  private static Schema released(String file) throws IOException {
    // LabelPair and LogEntry are referenced by name, so parse them into the same parser first.
    List<String> shared = List.of("LabelPair.avsc", "LogEntry.avsc");
    Schema.Parser parser = new Schema.Parser();
    for (String dep : shared) {
      parser.parse(open(dep));
    }
    return shared.contains(file)
        ? parser.getTypes().get("io.skald.events.v1." + file.replace(".avsc", ""))
        : parser.parse(open(file));
  }

  private static InputStream open(String file) {
    return SchemaCompatibilityTest.class.getResourceAsStream("/released/v1/" + file);
  }
}
