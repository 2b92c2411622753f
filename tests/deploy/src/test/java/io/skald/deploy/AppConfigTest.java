package io.skald.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source reader the cross-checks rely on: it must see the properties the app really has. */
class AppConfigTest {

  private final AppConfig config = AppConfig.load();

  @Test
  void readsEveryConfigurationRecordOfTheApplication() {
    assertThat(config.unreadable())
        .as("@ConfigurationProperties types the reader cannot read")
        .isEmpty();
    assertThat(config.properties())
        .containsKeys(
            "skald.target",
            "skald.data-dir",
            "skald.port",
            "skald.bus.kind",
            "skald.bus.kafka-bootstrap-servers",
            "skald.bus.partitions",
            "skald.storage.kind",
            "skald.storage.bucket",
            "skald.storage.s3-endpoint",
            "skald.storage.s3-access-key",
            "skald.storage.s3-secret-key",
            "skald.storage.s3-path-style",
            "skald.auth.enabled",
            "skald.chunker.topic",
            "skald.compactor.storage-events-topic");
  }

  @Test
  void mapsEnvironmentVariablesToPropertiesLikeMicronaut() {
    assertThat(config.property("SKALD_BUS_KAFKA_BOOTSTRAP_SERVERS"))
        .get()
        .extracting(AppConfig.Property::name)
        .isEqualTo("skald.bus.kafka-bootstrap-servers");
    assertThat(config.property("SKALD_PORT"))
        .get()
        .extracting(AppConfig.Property::name)
        .isEqualTo("skald.port");
    assertThat(config.property("SKALD_NO_SUCH_THING")).isEmpty();
  }

  @Test
  void readsDefaultsPatternsAndTypesFromTheDeclarations() {
    assertThat(config.require("skald.chunker.topic").defaultValue()).isEqualTo("logs.push");
    assertThat(config.require("skald.storage.bucket").defaultValue()).isEqualTo("loki-chunks");
    // @Pattern(regexp = Targets.VALID): resolved through the constant in Targets.java
    AppConfig.Property target = config.require("skald.target");
    assertThat(target.problemWith("querier")).isEmpty();
    assertThat(target.problemWith("ingest,querier")).isEmpty();
    assertThat(target.problemWith("indexer")).isPresent();
    assertThat(config.require("skald.bus.kind").problemWith("nats")).isPresent();
    assertThat(config.require("skald.bus.partitions").problemWith("0")).isPresent();
    assertThat(config.require("skald.bus.partitions").problemWith("four")).isPresent();
    assertThat(config.require("skald.storage.s3-path-style").problemWith("yes")).isPresent();
    assertThat(config.require("skald.chunker.flush-interval").problemWith("1s")).isEmpty();
    assertThat(config.require("skald.chunker.flush-interval").problemWith("soon")).isPresent();
  }

  @Test
  void targetNamesInTheContractAreTheApplicationsTargets() {
    String targets =
        AppConfig.stripComments(
            Repo.read("functions/lib/health/src/main/java/io/skald/health/Targets.java"));
    Matcher names = Pattern.compile("NAMES\\s*=\\s*List\\.of\\(([^)]*)\\)").matcher(targets);
    assertThat(names.find()).as("Targets.NAMES").isTrue();
    assertThat(AppConfig.splitTopLevel(names.group(1)).stream().map(AppConfig::unquote))
        .containsExactlyInAnyOrderElementsOf(concat("all", DeployContract.FUNCTIONS));
  }

  @Test
  void parserCopesWithAnnotationsGenericsAndLiterals(@TempDir Path dir) throws Exception {
    Path app = dir.resolve("app/src/main/java/x");
    Files.createDirectories(app);
    Files.writeString(
        app.resolve("Consts.java"), "final class Consts { static final String KINDS = \"a|b\"; }");
    Files.writeString(
        app.resolve("Demo.java"),
        """
        // @ConfigurationProperties("ignored.in.comment")
        @ConfigurationProperties("skald.demo")
        public record Demo(
            @Bindable(defaultValue = "x,y") @Pattern(regexp = Consts.KINDS, message = "one of (a, b)") String kind,
            java.util.Map<String, Integer> perTopic,
            @Bindable(defaultValue = "5") @Min(2) int count,
            /* a comment, with a comma */ boolean fastPath) {}
        """);
    AppConfig read = AppConfig.read(dir);
    Map<String, AppConfig.Property> props = read.properties();
    assertThat(props)
        .containsOnlyKeys(
            "skald.demo.kind", "skald.demo.per-topic", "skald.demo.count", "skald.demo.fast-path");
    assertThat(props.get("skald.demo.kind").defaultValue()).isEqualTo("x,y");
    assertThat(props.get("skald.demo.kind").pattern()).isEqualTo("a|b");
    assertThat(props.get("skald.demo.count").problemWith("1")).isPresent();
    assertThat(props.get("skald.demo.count").problemWith("2")).isEmpty();
    assertThat(props.get("skald.demo.fast-path").envName()).isEqualTo("SKALD_DEMO_FAST_PATH");
  }

  private static java.util.List<String> concat(String first, java.util.List<String> rest) {
    java.util.List<String> all = new java.util.ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }
}
