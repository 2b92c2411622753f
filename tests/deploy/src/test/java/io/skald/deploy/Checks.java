package io.skald.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cross-checks shared by the Knative and compose tests. */
final class Checks {

  private Checks() {}

  /**
   * Every variable is a Skald configuration property (or a known JVM variable) and every known
   * value binds and validates as the property's declaration says.
   */
  static void environmentBindsToTheApplication(String where, Map<String, String> env) {
    AppConfig config = AppConfig.load();
    List<String> problems = new ArrayList<>();
    env.forEach(
        (name, value) -> {
          if (DeployContract.NON_SKALD_ENV.contains(name)) {
            return;
          }
          Optional<AppConfig.Property> p = config.property(name);
          if (p.isEmpty()) {
            problems.add(
                name
                    + " is no configuration property of the application (expected one of "
                    + config.properties().values().stream()
                        .map(AppConfig.Property::envName)
                        .sorted()
                        .toList()
                    + ")");
          } else if (value != null) {
            p.get().problemWith(value).ifPresent(problems::add);
          }
        });
    assertThat(problems).as(where + ": environment").isEmpty();
  }

  /** The distributed setting: Kafka bus and S3 storage, with everything each of them needs. */
  static void isDistributed(String where, Map<String, String> env) {
    assertThat(env)
        .as(where)
        .containsEntry("SKALD_BUS_KIND", "kafka")
        .containsEntry("SKALD_STORAGE_KIND", "s3");
    assertThat(env.get("SKALD_BUS_KAFKA_BOOTSTRAP_SERVERS"))
        .as(where + ": bootstrap servers")
        .isNotBlank();
    assertThat(env.get("SKALD_STORAGE_S3_ENDPOINT"))
        .as(where + ": S3 endpoint")
        .matches("https?://[^/]+");
    assertThat(env)
        .as(where)
        .containsKeys("SKALD_STORAGE_S3_ACCESS_KEY", "SKALD_STORAGE_S3_SECRET_KEY");
    assertThat(env.get("SKALD_STORAGE_BUCKET"))
        .as(where + ": bucket")
        .isEqualTo(DeployContract.BUCKETS.get(0))
        .isEqualTo(AppConfig.load().require("skald.storage.bucket").defaultValue());
    assertThat(env.get("SKALD_STORAGE_S3_PATH_STYLE"))
        .as(where + ": path-style (MinIO, Ceph RGW)")
        .isEqualTo("true");
  }

  /** The JVM flags carry the Avro trust flag for the same package the launcher script trusts. */
  static void jvmTrustsTheEventPackage(String where, String javaToolOptions) {
    assertThat(javaToolOptions).as(where + ": JAVA_TOOL_OPTIONS").isNotNull();
    assertThat(avroPackages(javaToolOptions))
        .as(where + ": JAVA_TOOL_OPTIONS Avro packages")
        .isEqualTo(avroPackages(Repo.read("skald")));
  }

  static String avroPackages(String text) {
    Matcher m =
        Pattern.compile(Pattern.quote(DeployContract.AVRO_FLAG_PREFIX) + "([\\w.,]+)")
            .matcher(text);
    assertThat(m.find()).as("Avro flag in " + text).isTrue();
    return m.group(1);
  }

  /**
   * The function a comma-free target value names, checked against the application's target pattern.
   */
  static void targetIs(String where, String value, String function) {
    assertThat(value).as(where + ": SKALD_TARGET").isEqualTo(function);
    assertThat(AppConfig.load().require("skald.target").problemWith(value))
        .as(where + ": target valid")
        .isEmpty();
  }

  /** A path the deployment calls is a documented endpoint served by {@code function}. */
  static void endpointServedBy(String where, String path, String function) {
    Optional<DeployContract.Endpoint> e = DeployContract.endpoint(path);
    assertThat(e).as(where + ": " + path + " is not in DeployContract.ENDPOINTS").isPresent();
    assertThat(e.get().servedBy(function))
        .as(where + ": " + path + " is served by " + e.get().targets() + ", not by " + function)
        .isTrue();
  }

  static String defaultOf(String property) {
    String d = AppConfig.load().require(property).defaultValue();
    assertThat(d).as("default of " + property).isNotBlank();
    return d;
  }
}
