package io.skald.deploy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the deployment descriptors rely on from the application, in one place: the image, the port,
 * the functions and the HTTP endpoints each serves. Every path a manifest, probe, sink, trigger,
 * Grafana data source or Alloy pipeline uses must be listed here, and every entry here is looked up
 * in the application's sources and in docs/deploy-knative.md.
 */
final class DeployContract {

  private DeployContract() {}

  static final String IMAGE = "ghcr.io/skald-logs/skald:0.1.0";
  static final int PORT = 3100;
  static final String NAMESPACE = "skald";

  /** The functions deployed separately (the targets other than {@code all}). */
  static final List<String> FUNCTIONS = List.of("ingest", "chunker", "querier", "compactor");

  /** Knative Service / compose service name of a function. */
  static String serviceName(String function) {
    return "skald-" + function;
  }

  /**
   * An HTTP endpoint of the application.
   *
   * @param path the request path
   * @param targets the targets that serve it ({@code *} = every target)
   * @param purpose what a deployment uses it for
   * @param builtByLead true while the endpoint is still being built (see the report to the lead):
   *     its absence from the sources skips, rather than fails, the source check
   */
  record Endpoint(
      String method, String path, Set<String> targets, String purpose, boolean builtByLead) {

    boolean servedBy(String target) {
      return targets.contains("*") || targets.contains(target);
    }
  }

  static final List<Endpoint> ENDPOINTS =
      List.of(
          new Endpoint("GET", "/ready", Set.of("*"), "readiness probe of every container", false),
          new Endpoint("GET", "/metrics", Set.of("*"), "Prometheus scrape", false),
          new Endpoint(
              "POST", "/loki/api/v1/push", Set.of("ingest"), "Alloy / Promtail push", false),
          new Endpoint(
              "GET",
              "/loki/api/v1/query_range",
              Set.of("querier"),
              "Grafana, logcli, smoke.sh",
              false),
          new Endpoint(
              "POST",
              "/events/storage",
              Set.of("compactor"),
              "CloudEvent per ObjectCreated (KafkaSource on storage.events)",
              false),
          new Endpoint(
              "POST",
              "/events/cron",
              Set.of("compactor"),
              "CloudEvent per cron tick (PingSource, data {\"kind\":\"compaction\"})",
              false));

  static Optional<Endpoint> endpoint(String path) {
    return ENDPOINTS.stream().filter(e -> e.path().equals(path)).findFirst();
  }

  /**
   * The topics the application uses: the defaults of every property named {@code *.topic} or {@code
   * *-topic} (skald.ingest.topic, skald.chunker.storage-events-topic, ...). The deployments create
   * exactly these and point sources and sinks at them.
   */
  static java.util.SortedSet<String> topics() {
    java.util.SortedSet<String> topics = new java.util.TreeSet<>();
    AppConfig.load().properties().values().stream()
        .filter(p -> p.name().matches(".*[.-]topic"))
        .forEach(
            p ->
                topics.add(
                    java.util.Objects.requireNonNull(
                        p.defaultValue(), p.name() + " has no default")));
    return topics;
  }

  /**
   * MinIO's raw S3 notification topic, turned into ObjectCreated by the storage-events route
   * (skald.storage-events.source-topic).
   */
  static final String S3_NOTIFICATION_TOPIC = "storage.events.s3";

  /**
   * The Ceph buckets of the Loki deployment Skald replaces; Skald's own objects go to the first.
   */
  static final List<String> BUCKETS = List.of("loki-chunks", "loki-ruler", "loki-admin");

  /** Environment variables a container may set that are not Skald properties. */
  static final Set<String> NON_SKALD_ENV = Set.of("JAVA_TOOL_OPTIONS");

  /** The JVM flag Avro needs to deserialise Skald's generated event classes. */
  static final String AVRO_FLAG_PREFIX = "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=";
}
