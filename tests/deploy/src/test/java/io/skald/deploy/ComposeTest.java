package io.skald.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.yaml.snakeyaml.Yaml;

/** local-compose: the same application wiring as knative/, on Kafka (KRaft) and MinIO. */
class ComposeTest {

  static final List<String> FUNCTIONS = DeployContract.FUNCTIONS;

  @Test
  void hasEveryPieceOfTheStack() {
    assertThat(Compose.projectName()).isEqualTo("skald");
    List<String> expected =
        new ArrayList<>(List.of("kafka", "kafka-init", "minio", "minio-init", "grafana", "alloy"));
    FUNCTIONS.forEach(f -> expected.add(DeployContract.serviceName(f)));
    assertThat(Compose.services().keySet()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void kafkaRunsInKraftModeWithAnInternalListenerTheOthersUse() {
    assertThat(Compose.service("kafka").get("image")).isEqualTo("apache/kafka:4.1.1");
    Map<String, String> env = Compose.environment("kafka");
    assertThat(env.get("KAFKA_PROCESS_ROLES").split(","))
        .containsExactlyInAnyOrder("broker", "controller");
    assertThat(env).doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
    assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"))
        .isEqualTo(env.get("KAFKA_NODE_ID") + "@kafka:9093");
    assertThat(env.get("CLUSTER_ID")).as("a base64url UUID").matches("[A-Za-z0-9_-]{22}");
    assertThat(env.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR")).as("one broker").isEqualTo("1");
    assertThat(internalKafka()).isEqualTo("kafka:9092");
    assertThat(Compose.healthcheck("kafka")).contains("kafka-broker-api-versions");
  }

  @Test
  void kafkaInitCreatesTheApplicationsTopicsAndMinioNotificationTopic() {
    String cmd = Compose.command("kafka-init");
    Set<String> created = new TreeSet<>();
    Matcher m = Pattern.compile("--topic\\s+(\\S+)").matcher(cmd);
    while (m.find()) {
      created.add(m.group(1));
    }
    Set<String> expected = new TreeSet<>(DeployContract.topics());
    expected.add(DeployContract.S3_NOTIFICATION_TOPIC);
    assertThat(created).isEqualTo(expected);
    assertThat(cmd).contains("--bootstrap-server " + internalKafka());
    assertThat(cmd).contains("--partitions " + skaldEnv("ingest").get("SKALD_BUS_PARTITIONS"));
    assertThat(cmd)
        .contains(
            "--replication-factor " + skaldEnv("ingest").get("SKALD_BUS_KAFKA_REPLICATION_FACTOR"));
    assertThat(cmd).as("$$ in compose.yaml reaches the shell as $").doesNotContain("$$");
    assertThat(Compose.dependsOn("kafka-init")).containsEntry("kafka", "service_healthy");
  }

  @Test
  void minioPublishesBucketNotificationsToKafka() {
    assertThat((String) Compose.service("minio").get("image")).startsWith("minio/minio:RELEASE.");
    Map<String, String> env = Compose.environment("minio");
    String id =
        env.keySet().stream()
            .filter(k -> k.startsWith("MINIO_NOTIFY_KAFKA_ENABLE_"))
            .findFirst()
            .map(k -> k.substring("MINIO_NOTIFY_KAFKA_ENABLE_".length()))
            .orElseThrow(() -> new AssertionError("no MINIO_NOTIFY_KAFKA_ENABLE_<ID>"));
    assertThat(env)
        .containsEntry("MINIO_NOTIFY_KAFKA_ENABLE_" + id, "on")
        .containsEntry("MINIO_NOTIFY_KAFKA_BROKERS_" + id, internalKafka())
        .containsEntry("MINIO_NOTIFY_KAFKA_TOPIC_" + id, DeployContract.S3_NOTIFICATION_TOPIC);
    assertThat(Compose.healthcheck("minio")).isNotNull();

    // minio-init subscribes loki-chunks' segment objects to that target: ARN
    // arn:minio:sqs::<ID>:kafka
    String init = Compose.command("minio-init");
    Matcher event =
        Pattern.compile("mc event add\\s+(?:--ignore-existing\\s+)?local/(\\S+)\\s+(\\S+)\\s+(.*)")
            .matcher(init);
    assertThat(event.find()).as("mc event add in minio-init").isTrue();
    assertThat(event.group(1)).isEqualTo(skaldEnv("chunker").get("SKALD_STORAGE_BUCKET"));
    assertThat(event.group(2)).isEqualTo("arn:minio:sqs::" + id + ":kafka");
    String flags = event.group(3);
    assertThat(flags).contains("--event put");
    Path objectKeys =
        Repo.path("functions/lib/layout/src/main/java/io/skald/layout/ObjectKeys.java");
    assertThat(flags)
        .as("prefix of segment keys (ObjectKeys.SEGMENTS)")
        .contains("--prefix " + AppConfig.constant("SEGMENTS", Repo.root(), objectKeys));
    assertThat(flags)
        .as("suffix of segment keys (ObjectKeys.SEGMENT_SUFFIX)")
        .contains("--suffix " + AppConfig.constant("SEGMENT_SUFFIX", Repo.root(), objectKeys));
  }

  @Test
  void minioInitCreatesTheBucketsOfTheLokiDeploymentWithTheCredentialsSkaldUses() {
    String init = Compose.command("minio-init");
    Matcher mb = Pattern.compile("mc mb\\s+(?:--ignore-existing\\s+)?local/(\\S+)").matcher(init);
    List<String> buckets = new ArrayList<>();
    while (mb.find()) {
      buckets.add(mb.group(1));
    }
    assertThat(buckets).containsExactlyElementsOf(DeployContract.BUCKETS);
    Map<String, String> minio = Compose.environment("minio");
    Matcher alias = Pattern.compile("mc alias set local (\\S+) (\\S+) (\\S+)").matcher(init);
    assertThat(alias.find()).isTrue();
    assertThat(alias.group(1)).isEqualTo(skaldEnv("chunker").get("SKALD_STORAGE_S3_ENDPOINT"));
    assertThat(alias.group(2)).isEqualTo(minio.get("MINIO_ROOT_USER"));
    assertThat(alias.group(3)).isEqualTo(minio.get("MINIO_ROOT_PASSWORD"));
    assertThat(Compose.dependsOn("minio-init")).containsEntry("minio", "service_healthy");
  }

  @ParameterizedTest
  @FieldSource("FUNCTIONS")
  void skaldServiceRunsTheImageWithItsTargetAndValidSettings(String function) {
    String name = DeployContract.serviceName(function);
    assertThat(Compose.service(name).get("image")).isEqualTo(DeployContract.IMAGE);
    Map<String, String> env = skaldEnv(function);
    Checks.targetIs(name, env.get("SKALD_TARGET"), function);
    Checks.environmentBindsToTheApplication(name, env);
    Checks.isDistributed(name, env);
    Checks.jvmTrustsTheEventPackage(name, env.get("JAVA_TOOL_OPTIONS"));
    assertThat(env.get("SKALD_BUS_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo(internalKafka());
    assertThat(env.get("SKALD_STORAGE_S3_ENDPOINT")).isEqualTo("http://minio:" + minioApiPort());
    assertThat(env.get("SKALD_STORAGE_S3_ACCESS_KEY"))
        .isEqualTo(Compose.environment("minio").get("MINIO_ROOT_USER"));
    assertThat(env.get("SKALD_STORAGE_S3_SECRET_KEY"))
        .isEqualTo(Compose.environment("minio").get("MINIO_ROOT_PASSWORD"));
    assertThat(Integer.parseInt(env.get("SKALD_BUS_KAFKA_REPLICATION_FACTOR")))
        .as("one broker")
        .isEqualTo(1);
    assertThat(Compose.dependsOn(name))
        .containsEntry("kafka-init", "service_completed_successfully")
        .containsEntry("minio-init", "service_completed_successfully");
  }

  @ParameterizedTest
  @FieldSource("FUNCTIONS")
  void skaldServiceSetsTheSameOptionsAsItsKnativeService(String function) {
    Map<String, String> knative = KnativeServicesTest.env(KnativeServicesTest.service(function));
    assertThat(skaldEnv(function).keySet())
        .as("compose and Knative configure the same properties")
        .containsExactlyInAnyOrderElementsOf(knative.keySet());
    for (String same :
        List.of(
            "SKALD_TARGET",
            "SKALD_PORT",
            "SKALD_BUS_KIND",
            "SKALD_BUS_PARTITIONS",
            "SKALD_STORAGE_KIND",
            "SKALD_STORAGE_BUCKET",
            "SKALD_STORAGE_S3_PATH_STYLE",
            "SKALD_AUTH_ENABLED",
            "JAVA_TOOL_OPTIONS")) {
      assertThat(skaldEnv(function).get(same)).as(same).isEqualTo(knative.get(same));
    }
  }

  @ParameterizedTest
  @FieldSource("FUNCTIONS")
  void healthcheckAsksReadyOnTheServingPort(String function) {
    String name = DeployContract.serviceName(function);
    String test = Compose.healthcheck(name);
    assertThat(test).as(name + " healthcheck").isNotNull();
    String port = skaldEnv(function).get("SKALD_PORT");
    assertThat(test).contains("/dev/tcp/127.0.0.1/" + port).contains("GET /ready ");
    Checks.endpointServedBy(name + " healthcheck", "/ready", function);
    for (Compose.PortMapping p : Compose.ports(name)) {
      assertThat(p.container())
          .as(name + " publishes its serving port")
          .isEqualTo(Integer.parseInt(port));
    }
  }

  @Test
  void everyDependencyExistsAndItsConditionCanBeMet() {
    for (String service : Compose.services().keySet()) {
      Compose.dependsOn(service)
          .forEach(
              (dep, condition) -> {
                assertThat(Compose.services()).as(service + " depends on " + dep).containsKey(dep);
                switch (condition) {
                  case "service_healthy" ->
                      assertThat(Compose.healthcheck(dep))
                          .as(dep + " needs a healthcheck")
                          .isNotNull();
                  case "service_completed_successfully" ->
                      assertThat(Compose.service(dep).get("restart"))
                          .as(dep + " is a one-shot job")
                          .isEqualTo("no");
                  case "service_started" -> {}
                  default -> throw new AssertionError(service + ": unknown condition " + condition);
                }
              });
    }
  }

  @Test
  void publishedHostPortsAreUniqueAndIngestAndQuerierAreReachable() {
    List<Integer> hostPorts = new ArrayList<>();
    Compose.services()
        .keySet()
        .forEach(s -> Compose.ports(s).forEach(p -> hostPorts.add(p.host())));
    assertThat(hostPorts).doesNotHaveDuplicates();
    assertThat(Compose.ports("skald-ingest")).isNotEmpty();
    assertThat(Compose.ports("skald-querier")).isNotEmpty();
  }

  @Test
  void grafanaHasASkaldDataSourcePointingAtTheQuerier() {
    Map<String, Path> binds = Compose.binds("grafana");
    Path provisioning = binds.get("/etc/grafana/provisioning");
    assertThat(provisioning).as("provisioning directory mounted").isNotNull();
    Path file = provisioning.resolve("datasources/skald.yaml");
    assertThat(file).exists();
    Map<String, Object> doc = new Yaml().load(Repo.read(file));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> sources = (List<Map<String, Object>>) doc.get("datasources");
    assertThat(sources).hasSize(1);
    Map<String, Object> ds = sources.get(0);
    assertThat(ds)
        .containsEntry("type", "loki")
        .containsEntry("access", "proxy")
        .containsEntry("isDefault", true);
    URI url = URI.create((String) ds.get("url"));
    assertThat(url.getHost()).isEqualTo(DeployContract.serviceName("querier"));
    assertThat(url.getPort()).isEqualTo(Integer.parseInt(skaldEnv("querier").get("SKALD_PORT")));
    assertThat(url.getPath()).as("Grafana appends /loki/api/v1/... itself").isIn("", "/");
    assertThat(Compose.dependsOn("grafana")).containsEntry("skald-querier", "service_healthy");
  }

  @Test
  void alloyShipsContainerLogsToTheIngestService() {
    Map<String, Path> binds = Compose.binds("alloy");
    String command = Compose.command("alloy");
    String configPath =
        binds.keySet().stream()
            .filter(command::contains)
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError("alloy's command names no mounted config file: " + command));
    Path config = binds.get(configPath);
    assertThat(config).isEqualTo(Compose.DIR.resolve("alloy/config.alloy")).exists();
    List<AlloyConfig.Block> blocks = AlloyConfig.parse(Repo.read(config));

    List<AlloyConfig.Block> writers = AlloyConfig.components(blocks, "loki.write");
    assertThat(writers).hasSize(1);
    AlloyConfig.Block writer = writers.get(0);
    List<AlloyConfig.Block> endpoints = writer.blocks("endpoint");
    assertThat(endpoints).hasSize(1);
    URI url = URI.create(endpoints.get(0).attribute("url").orElseThrow());
    assertThat(url.getHost()).isEqualTo(DeployContract.serviceName("ingest"));
    assertThat(url.getPort()).isEqualTo(Integer.parseInt(skaldEnv("ingest").get("SKALD_PORT")));
    Checks.endpointServedBy("alloy loki.write", url.getPath(), "ingest");

    List<AlloyConfig.Block> sources = AlloyConfig.components(blocks, "loki.source.docker");
    assertThat(sources).hasSize(1);
    assertThat(sources.get(0).attribute("forward_to").orElseThrow())
        .isEqualTo("[" + writer.reference() + ".receiver]");
    String targets = sources.get(0).attribute("targets").orElseThrow();
    AlloyConfig.Block discovery = AlloyConfig.components(blocks, "discovery.docker").get(0);
    assertThat(targets).isEqualTo(discovery.reference() + ".targets");
    assertThat(discovery.blocks("filter"))
        .anySatisfy(
            f ->
                assertThat(f.attribute("values").orElseThrow())
                    .contains("com.docker.compose.project=" + Compose.projectName()));
    assertThat(binds)
        .as("the Docker socket is mounted for loki.source.docker")
        .containsKey("/var/run/docker.sock");
    assertThat(Compose.dependsOn("alloy")).containsEntry("skald-ingest", "service_healthy");
  }

  @Test
  void smokeScriptTalksToThePublishedPortsAndIsValidBash() throws Exception {
    Path smoke = Compose.DIR.resolve("smoke.sh");
    assertThat(Files.isExecutable(smoke)).as("smoke.sh is executable").isTrue();
    String script = Repo.read(smoke);
    assertThat(defaultUrl(script, "INGEST_URL").getPort())
        .isEqualTo(Compose.ports("skald-ingest").get(0).host());
    assertThat(defaultUrl(script, "QUERIER_URL").getPort())
        .isEqualTo(Compose.ports("skald-querier").get(0).host());
    Matcher paths = Pattern.compile("\\$\\{?\\w*(?:URL|url)}?(/[a-z0-9_/]+)").matcher(script);
    Set<String> used = new TreeSet<>();
    while (paths.find()) {
      used.add(paths.group(1));
    }
    assertThat(used).contains("/loki/api/v1/push", "/loki/api/v1/query_range", "/ready");
    used.forEach(
        p ->
            assertThat(DeployContract.endpoint(p))
                .as(p + " in DeployContract.ENDPOINTS")
                .isPresent());
    Process bash =
        new ProcessBuilder("bash", "-n", smoke.toString()).redirectErrorStream(true).start();
    assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(bash.exitValue()).as(new String(bash.getInputStream().readAllBytes())).isZero();
  }

  @Test
  void dockerfileBuildsTheImageTheServicesRun() {
    @SuppressWarnings("unchecked")
    Map<String, Object> build = (Map<String, Object>) Compose.service("skald-ingest").get("build");
    Path context = Compose.DIR.resolve((String) build.get("context")).normalize();
    assertThat(context).isEqualTo(Repo.root());
    Path dockerfile = context.resolve((String) build.get("dockerfile"));
    String df = Repo.read(dockerfile);
    Matcher finalName =
        Pattern.compile("<finalName>([^<]+)</finalName>").matcher(Repo.read("app/pom.xml"));
    assertThat(finalName.find()).isTrue();
    assertThat(df)
        .contains("app/target/" + finalName.group(1) + ".jar")
        .contains("-pl app -am")
        .contains("EXPOSE " + DeployContract.PORT)
        .contains("SKALD_PORT=" + DeployContract.PORT)
        .containsPattern("ENTRYPOINT \\[\"java\", \"-jar\", \"[^\"]+\\.jar\"]");
    Checks.jvmTrustsTheEventPackage("Dockerfile", df);
    assertThat(dockerfile.resolveSibling(dockerfile.getFileName() + ".dockerignore")).exists();
    for (String function : FUNCTIONS) {
      assertThat(Compose.service(DeployContract.serviceName(function)).get("build"))
          .isEqualTo(build);
    }
  }

  // ---------------------------------------------------------------------------------------------

  static Map<String, String> skaldEnv(String function) {
    return new LinkedHashMap<>(Compose.environment(DeployContract.serviceName(function)));
  }

  /** host:port of Kafka's PLAINTEXT listener as advertised to containers in the compose network. */
  static String internalKafka() {
    String advertised = Compose.environment("kafka").get("KAFKA_ADVERTISED_LISTENERS");
    String listener = Compose.environment("kafka").get("KAFKA_INTER_BROKER_LISTENER_NAME");
    for (String l : advertised.split(",")) {
      if (l.startsWith(listener + "://")) {
        return l.substring(listener.length() + 3);
      }
    }
    throw new AssertionError("no advertised " + listener + " listener in " + advertised);
  }

  static int minioApiPort() {
    String cmd = Compose.command("minio");
    Matcher address = Pattern.compile("--address\\s+:?(\\d+)").matcher(cmd);
    return address.find() ? Integer.parseInt(address.group(1)) : 9000;
  }

  private static URI defaultUrl(String script, String variable) {
    Matcher m = Pattern.compile(variable + "=\"\\$\\{" + variable + ":-([^}]+)}\"").matcher(script);
    assertThat(m.find()).as(variable + " default in smoke.sh").isTrue();
    return URI.create(m.group(1));
  }
}
