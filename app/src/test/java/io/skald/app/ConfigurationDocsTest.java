package io.skald.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.skald.chunker.ChunkerConfig;
import io.skald.compactor.CompactionSettings;
import io.skald.compactor.CompactorConfig;
import io.skald.routes.pushingest.http.IngestConfig;
import io.skald.routes.storageevents.StorageEventsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** docs/configuration.md names every property of every configuration record, so it stays true. */
class ConfigurationDocsTest {

  static Stream<Class<?>> configRecords() {
    return Stream.of(
        SkaldConfig.class,
        AuthConfig.class,
        BusConfig.class,
        StorageConfig.class,
        IngestConfig.class,
        ChunkerConfig.class,
        CompactorConfig.class,
        CompactionSettings.class,
        LimitsConfig.class,
        StorageEventsConfig.class);
  }

  @ParameterizedTest
  @MethodSource("configRecords")
  void everyPropertyIsDocumented(Class<?> record) throws Exception {
    String docs = Files.readString(Path.of("..", "docs", "configuration.md"));
    String prefix = record.getAnnotation(ConfigurationProperties.class).value();
    List<String> missing = new ArrayList<>();
    for (var component : record.getRecordComponents()) {
      String property = prefix + "." + kebab(component.getName());
      if (!docs.contains("`" + property + "`")) {
        missing.add(property);
      }
    }
    assertThat(missing).as("undocumented properties of %s", record.getSimpleName()).isEmpty();
  }

  static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
  }
}
