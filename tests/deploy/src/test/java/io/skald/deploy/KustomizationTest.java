package io.skald.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** knative/kustomization.yaml and the variants: complete, and consistent with the base. */
class KustomizationTest {

  private static final Path BROKER = Knative.DIR.resolve("variants/broker");
  private static final Path KEDA = Knative.DIR.resolve("variants/keda-chunker");

  @Test
  void everyManifestIsAppliedByAKustomizationOrIsAnExample() {
    Set<Path> listed = new HashSet<>();
    for (Path k : Repo.files(Knative.DIR, "kustomization.yaml")) {
      listed.addAll(Kustomize.resources(k.getParent()));
    }
    for (Path yaml : Repo.files(Knative.DIR, ".yaml", ".yml")) {
      String name = yaml.getFileName().toString();
      if (name.equals("kustomization.yaml") || name.endsWith(".example.yaml")) {
        continue;
      }
      assertThat(listed)
          .as(Repo.relative(yaml) + " is in no kustomization.yaml")
          .contains(yaml.normalize());
    }
  }

  @Test
  void everyDocumentParsesIntoAKubernetesObject() {
    for (Path yaml : Repo.files(Knative.DIR, ".yaml", ".yml")) {
      if (yaml.getFileName().toString().equals("kustomization.yaml")) {
        continue;
      }
      for (Map<String, Object> doc : Kustomize.loadDocuments(yaml)) {
        HasMetadata r = Kustomize.toResource(doc);
        assertThat(r.getApiVersion()).as(Repo.relative(yaml)).isNotBlank();
        assertThat(r.getKind()).as(Repo.relative(yaml)).isNotBlank();
        assertThat(r.getMetadata().getName()).as(Repo.relative(yaml)).isNotBlank();
      }
    }
  }

  @Test
  void applyingTheBaseNeverOverwritesTheCredentials() {
    assertThat(Workloads.ofType(Knative.applied(), Secret.class)).isEmpty();
    Secret example = Workloads.ofType(Knative.cluster(), Secret.class).get(0);
    assertThat(example.getMetadata().getName()).isEqualTo("skald-s3-credentials");
  }

  @Test
  void brokerVariantRoutesBothSourcesThroughTheBrokerToTheSameEndpoints() {
    List<HasMetadata> resources = Kustomize.build(BROKER);
    GenericKubernetesResource broker = KnativeEventingTest.only(resources, "Broker");
    List<GenericKubernetesResource> triggers = Workloads.ofKind(resources, "Trigger");
    for (String kind : List.of("KafkaSource", "PingSource")) {
      GenericKubernetesResource source = KnativeEventingTest.only(resources, kind);
      KnativeEventingTest.Destination sink = KnativeEventingTest.destination(source, "sink");
      assertThat(sink.kind()).as(kind + " sink").isEqualTo("Broker");
      assertThat(sink.name()).isEqualTo(broker.getMetadata().getName());
      // The tag the source puts on its events selects exactly one trigger, which delivers to the
      // endpoint the direct (base) wiring uses.
      Map<String, String> tags = source.get("spec", "ceOverrides", "extensions");
      assertThat(tags).as(kind + " ceOverrides.extensions").isNotEmpty();
      tags.keySet()
          .forEach(k -> assertThat(k).as("CloudEvents extension name").matches("[a-z0-9]{1,20}"));
      List<GenericKubernetesResource> matching =
          triggers.stream()
              .filter(t -> tags.equals(t.get("spec", "filter", "attributes")))
              .toList();
      assertThat(matching).as("triggers selecting " + kind + " events").hasSize(1);
      GenericKubernetesResource trigger = matching.get(0);
      assertThat((String) trigger.get("spec", "broker")).isEqualTo(broker.getMetadata().getName());
      KnativeEventingTest.Destination direct =
          KnativeEventingTest.destination(
              KnativeEventingTest.only(Knative.applied(), kind), "sink");
      KnativeEventingTest.Destination viaBroker =
          KnativeEventingTest.destination(trigger, "subscriber");
      assertThat(viaBroker.name()).isEqualTo(direct.name());
      assertThat(viaBroker.uri()).isEqualTo(direct.uri());
    }
    KnativeEventingTest.checkDestinations(resources, KnativeEventingTest.destinations(resources));
  }

  @Test
  void kedaVariantRunsTheSameChunkerScaledOnItsConsumerGroupLag() {
    List<HasMetadata> resources = Knative.withSecret(Kustomize.build(KEDA));
    assertThat(Workloads.knativeServices(resources))
        .extracting(Workloads.Workload::name)
        .doesNotContain(DeployContract.serviceName("chunker"))
        .contains(DeployContract.serviceName("ingest"));
    Deployment deployment =
        Workloads.find(
                resources,
                Deployment.class,
                DeployContract.serviceName("chunker"),
                DeployContract.NAMESPACE)
            .orElseThrow(() -> new AssertionError("no Deployment skald-chunker"));
    Workloads.Workload keda = Workloads.deployment(deployment);
    Container viaKeda = keda.container();
    Container viaKnative = KnativeServicesTest.service("chunker").container();
    assertThat(viaKeda.getImage()).isEqualTo(viaKnative.getImage());
    assertThat(viaKeda.getEnv()).isEqualTo(viaKnative.getEnv());
    assertThat(viaKeda.getEnvFrom()).isEqualTo(viaKnative.getEnvFrom());
    assertThat(viaKeda.getPorts()).isEqualTo(viaKnative.getPorts());
    assertThat(viaKeda.getResources()).isEqualTo(viaKnative.getResources());
    assertThat(viaKeda.getReadinessProbe().getHttpGet().getPath())
        .isEqualTo(viaKnative.getReadinessProbe().getHttpGet().getPath());
    Workloads.environment(viaKeda, keda.namespace(), resources); // every reference resolves
    assertThat(deployment.getSpec().getSelector().getMatchLabels())
        .isEqualTo(deployment.getSpec().getTemplate().getMetadata().getLabels());

    GenericKubernetesResource scaled = KnativeEventingTest.only(resources, "ScaledObject");
    assertThat((String) scaled.get("spec", "scaleTargetRef", "name"))
        .isEqualTo(deployment.getMetadata().getName());
    int min = ((Number) scaled.get("spec", "minReplicaCount")).intValue();
    int max = ((Number) scaled.get("spec", "maxReplicaCount")).intValue();
    assertThat(min).as("never zero: the chunker must keep consuming").isGreaterThanOrEqualTo(1);
    assertThat(max)
        .as("more replicas than partitions sit idle")
        .isBetween(min, Knative.partitions());
    List<Map<String, Object>> triggers = scaled.get("spec", "triggers");
    assertThat(triggers).hasSize(1);
    assertThat(triggers.get(0)).containsEntry("type", "kafka");
    @SuppressWarnings("unchecked")
    Map<String, String> meta = (Map<String, String>) triggers.get(0).get("metadata");
    assertThat(meta.get("topic")).isEqualTo(Checks.defaultOf("skald.chunker.topic"));
    assertThat(meta.get("consumerGroup"))
        .as("KEDA must watch the chunker's own group")
        .isEqualTo(Checks.defaultOf("skald.chunker.consumer-group"));
    assertThat(List.of(meta.get("bootstrapServers").split(",")))
        .isEqualTo(Knative.bootstrapServers());
    assertThat(Long.parseLong(meta.get("lagThreshold"))).isPositive();
  }

  @Test
  void kustomizeModelRejectsABaseThatContainsTheOverlay() throws Exception {
    Path root = Files.createTempDirectory("kustomize");
    Path overlay = Files.createDirectories(root.resolve("variants/x"));
    Files.writeString(root.resolve("kustomization.yaml"), "resources: []\n");
    Files.writeString(overlay.resolve("kustomization.yaml"), "resources:\n  - ../..\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Kustomize.build(overlay))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cycle");
  }

  @Test
  void kustomizeModelRejectsWhatItDoesNotUnderstand() throws Exception {
    Path dir = Files.createTempDirectory("kustomize");
    Files.writeString(dir.resolve("kustomization.yaml"), "resources: []\nnamespace: other\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Kustomize.build(dir))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("namespace");
  }
}
