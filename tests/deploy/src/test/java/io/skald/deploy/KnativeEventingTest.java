package io.skald.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** knative/eventing and knative/topics: what wakes the compactor, and the topics behind it all. */
class KnativeEventingTest {

  /** A sink, subscriber or dead-letter sink found anywhere in a resource's spec. */
  record Destination(
      String owner, String field, String apiVersion, String kind, String name, String uri) {}

  @Test
  void kafkaSourceFeedsStorageEventsToTheCompactor() {
    GenericKubernetesResource src = only(Knative.applied(), "KafkaSource");
    assertThat(src.getApiVersion()).isEqualTo("sources.knative.dev/v1beta1");
    List<String> topics = src.get("spec", "topics");
    assertThat(topics)
        .as("the topic the compactor reads and the chunker writes")
        .containsExactly(Checks.defaultOf("skald.compactor.storage-events-topic"))
        .containsExactly(Checks.defaultOf("skald.chunker.storage-events-topic"));
    List<String> servers = src.get("spec", "bootstrapServers");
    assertThat(servers)
        .as("same Kafka as the functions")
        .containsExactlyElementsOf(Knative.bootstrapServers());
    String group = src.get("spec", "consumerGroup");
    assertThat(group)
        .as("the source's own group: it must not share partitions with a Skald consumer group")
        .isNotBlank()
        .isNotEqualTo(Checks.defaultOf("skald.compactor.consumer-group"))
        .isNotEqualTo(Checks.defaultOf("skald.chunker.consumer-group"));
    Destination sink = destination(src, "sink");
    assertThat(sink.name()).isEqualTo(DeployContract.serviceName("compactor"));
    assertThat(sink.uri()).isEqualTo("/events/storage");
  }

  @Test
  void undeliverableStorageEventsGoToTheCompactorsDeadLetterTopic() {
    GenericKubernetesResource src = only(Knative.applied(), "KafkaSource");
    Destination dls = destination(src, "deadLetterSink");
    assertThat(dls.kind()).isEqualTo("KafkaSink");
    GenericKubernetesResource sink = named(Knative.applied(), "KafkaSink", dls.name());
    assertThat(sink.getApiVersion()).isEqualTo(dls.apiVersion());
    assertThat((String) sink.get("spec", "topic"))
        .isEqualTo(Checks.defaultOf("skald.compactor.dead-letter-topic"));
    List<String> servers = sink.get("spec", "bootstrapServers");
    assertThat(servers).containsExactlyElementsOf(Knative.bootstrapServers());
  }

  @Test
  void pingSourceTicksTheCompactorEveryTenMinutes() {
    GenericKubernetesResource ping = only(Knative.applied(), "PingSource");
    assertThat(ping.getApiVersion()).isEqualTo("sources.knative.dev/v1");
    String schedule = ping.get("spec", "schedule");
    Cron cron =
        new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX)).parse(schedule);
    cron.validate();
    ExecutionTime times = ExecutionTime.forCron(cron);
    ZonedDateTime first =
        times
            .nextExecution(ZonedDateTime.of(2026, 1, 1, 0, 0, 30, 0, ZoneOffset.UTC))
            .orElseThrow();
    ZonedDateTime second = times.nextExecution(first).orElseThrow();
    assertThat(Duration.between(first, second))
        .as("compaction_interval of the Loki deployment")
        .isEqualTo(Duration.ofMinutes(10));
    assertThat((String) ping.get("spec", "contentType")).isEqualTo("application/json");
    Map<String, Object> data = new Yaml().load((String) ping.get("spec", "data"));
    assertThat(data).containsEntry("kind", "compaction");
    Destination sink = destination(ping, "sink");
    assertThat(sink.name()).isEqualTo(DeployContract.serviceName("compactor"));
    assertThat(sink.uri()).isEqualTo("/events/cron");
  }

  @Test
  void everyDestinationIsADeployedServiceAndADocumentedEndpointOfIt() {
    List<Destination> all = destinations(Knative.applied());
    assertThat(all).isNotEmpty();
    checkDestinations(Knative.applied(), all);
  }

  @Test
  void strimziTopicsAreTheApplicationsTopicsWithTheBusSettings() {
    List<GenericKubernetesResource> topics = Workloads.ofKind(Knative.applied(), "KafkaTopic");
    Set<String> expected = DeployContract.topics();
    assertThat(expected)
        .contains(
            Checks.defaultOf("skald.chunker.topic"),
            Checks.defaultOf("skald.compactor.storage-events-topic"));
    assertThat(topics)
        .extracting(t -> (String) t.get("spec", "topicName"))
        .containsExactlyInAnyOrderElementsOf(expected);
    // <cluster>-kafka-bootstrap.<namespace>.svc:<port> is where Strimzi serves cluster <cluster>.
    String host = Knative.bootstrapServers().get(0).split(":")[0];
    assertThat(host).matches("[a-z0-9-]+-kafka-bootstrap\\.[a-z0-9-]+\\.svc(\\.cluster\\.local)?");
    String cluster = host.substring(0, host.indexOf("-kafka-bootstrap"));
    String namespace = host.split("\\.")[1];
    int replicas =
        Integer.parseInt(Knative.sharedConfig().get("SKALD_BUS_KAFKA_REPLICATION_FACTOR"));
    for (GenericKubernetesResource t : topics) {
      assertThat(t.getApiVersion()).isEqualTo("kafka.strimzi.io/v1beta2");
      assertThat(t.getMetadata().getLabels())
          .as(t.getMetadata().getName())
          .containsEntry("strimzi.io/cluster", cluster);
      assertThat(t.getMetadata().getNamespace())
          .as("the topic operator watches the Kafka namespace")
          .isEqualTo(namespace);
      assertThat(((Number) t.get("spec", "partitions")).intValue())
          .as("partitions = SKALD_BUS_PARTITIONS")
          .isEqualTo(Knative.partitions());
      assertThat(((Number) t.get("spec", "replicas")).intValue()).isEqualTo(replicas);
      Map<String, Object> config = t.get("spec", "config");
      int minIsr = Integer.parseInt(String.valueOf(config.get("min.insync.replicas")));
      assertThat(minIsr)
          .as("acks=all must survive the loss of a broker")
          .isGreaterThan(1)
          .isLessThan(replicas);
    }
  }

  @Test
  void skaldsResourcesLiveInTheSkaldNamespace() {
    assertThat(Workloads.ofType(Knative.applied(), Namespace.class))
        .extracting(n -> n.getMetadata().getName())
        .containsExactly(DeployContract.NAMESPACE);
    for (HasMetadata r : Knative.applied()) {
      if (r instanceof Namespace || r.getKind().equals("KafkaTopic")) {
        continue;
      }
      assertThat(r.getMetadata().getNamespace())
          .as(r.getKind() + " " + r.getMetadata().getName())
          .isEqualTo(DeployContract.NAMESPACE);
      assertThat(r.getMetadata().getLabels())
          .as(r.getKind() + " " + r.getMetadata().getName())
          .containsEntry("app.kubernetes.io/part-of", "skald");
    }
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * Each destination that names a Knative Service must name a deployed function, and its path must
   * be an endpoint that function serves; destinations naming other kinds must exist.
   */
  static void checkDestinations(List<HasMetadata> resources, List<Destination> destinations) {
    for (Destination d : destinations) {
      String where = d.owner() + " " + d.field();
      boolean exists =
          resources.stream()
              .anyMatch(
                  r ->
                      r.getKind().equals(d.kind())
                          && r.getApiVersion().equals(d.apiVersion())
                          && r.getMetadata().getName().equals(d.name()));
      assertThat(exists)
          .as(where + " -> " + d.apiVersion() + " " + d.kind() + " " + d.name() + " is deployed")
          .isTrue();
      if (d.kind().equals("Service") && d.apiVersion().startsWith("serving.knative.dev/")) {
        assertThat(d.name()).startsWith("skald-");
        String function = d.name().substring("skald-".length());
        assertThat(d.uri()).as(where + ": a path on " + d.name()).isNotNull().startsWith("/");
        Checks.endpointServedBy(where, d.uri(), function);
      } else {
        assertThat(d.uri()).as(where + ": no path on a " + d.kind()).isNull();
      }
    }
  }

  static List<Destination> destinations(List<HasMetadata> resources) {
    List<Destination> out = new ArrayList<>();
    for (HasMetadata r : resources) {
      if (r instanceof GenericKubernetesResource g
          && g.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec) {
        collect(r.getKind() + " " + r.getMetadata().getName(), "spec", spec, out);
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void collect(String owner, String path, Map<?, ?> node, List<Destination> out) {
    node.forEach(
        (k, v) -> {
          String key = String.valueOf(k);
          if (v instanceof Map<?, ?> child) {
            if (Set.of("sink", "subscriber", "deadLetterSink").contains(key)) {
              Map<String, Object> ref = (Map<String, Object>) child.get("ref");
              assertThat(ref)
                  .as(owner + " " + path + "." + key + " uses ref (not a raw URL)")
                  .isNotNull();
              out.add(
                  new Destination(
                      owner,
                      path + "." + key,
                      (String) ref.get("apiVersion"),
                      (String) ref.get("kind"),
                      (String) ref.get("name"),
                      (String) child.get("uri")));
            }
            collect(owner, path + "." + key, child, out);
          }
        });
  }

  static Destination destination(GenericKubernetesResource r, String field) {
    return destinations(List.of(r)).stream()
        .filter(d -> d.field().endsWith("." + field))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    r.getKind() + " " + r.getMetadata().getName() + " has no " + field));
  }

  static GenericKubernetesResource only(List<HasMetadata> resources, String kind) {
    List<GenericKubernetesResource> found = Workloads.ofKind(resources, kind);
    assertThat(found).as(kind).hasSize(1);
    return found.get(0);
  }

  static GenericKubernetesResource named(List<HasMetadata> resources, String kind, String name) {
    return Workloads.ofKind(resources, kind).stream()
        .filter(r -> r.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }
}
