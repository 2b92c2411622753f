package io.skald.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** knative/services: one Knative Service per function, cross-checked against the application. */
class KnativeServicesTest {

  static final List<String> FUNCTIONS = DeployContract.FUNCTIONS;

  private static final String AUTOSCALING = "autoscaling.knative.dev/";
  private static final Set<String> AUTOSCALING_KEYS =
      Set.of(
          "class",
          "metric",
          "target",
          "target-utilization-percentage",
          "min-scale",
          "max-scale",
          "initial-scale",
          "scale-down-delay",
          "scale-to-zero-pod-retention-period",
          "window");

  static Workloads.Workload service(String function) {
    String name = DeployContract.serviceName(function);
    return Workloads.knativeServices(Knative.applied()).stream()
        .filter(w -> w.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Knative Service " + name));
  }

  /** The container's environment with plain values; secret values are null. */
  static Map<String, String> env(Workloads.Workload w) {
    Map<String, String> env = new LinkedHashMap<>();
    Workloads.environment(w.container(), w.namespace(), Knative.cluster())
        .forEach((k, v) -> env.put(k, v.value()));
    return env;
  }

  @Test
  void oneKnativeServicePerFunctionAndNothingElseRunsPods() {
    assertThat(Workloads.knativeServices(Knative.applied()))
        .extracting(Workloads.Workload::name)
        .containsExactlyInAnyOrderElementsOf(
            FUNCTIONS.stream().map(DeployContract::serviceName).toList());
    assertThat(Knative.applied())
        .filteredOn(Workloads::isKnativeService)
        .extracting(HasMetadata::getApiVersion)
        .containsOnly("serving.knative.dev/v1");
  }

  @ParameterizedTest
  @FieldSource("FUNCTIONS")
  void runsTheImageWithItsTarget(String function) {
    Workloads.Workload w = service(function);
    Container c = w.container();
    assertThat(c.getImage()).isEqualTo(DeployContract.IMAGE);
    assertThat(c.getCommand()).as("the image's entrypoint (java -jar skald.jar) is used").isEmpty();
    assertThat(c.getArgs()).as("options are set through SKALD_* variables").isEmpty();
    Checks.targetIs(w.name(), env(w).get("SKALD_TARGET"), function);
    assertThat(w.labels()).containsEntry("app.kubernetes.io/component", function);
  }

  @ParameterizedTest
  @FieldSource("FUNCTIONS")
  void everyVariableIsAConfigurationPropertyWithAValidValue(String function) {
    Workloads.Workload w = service(function);
    Map<String, String> env = env(w);
    Checks.environmentBindsToTheApplication(w.name(), env);
    Checks.isDistributed(w.name(), env);
    Checks.jvmTrustsTheEventPackage(w.name(), env.get("JAVA_TOOL_OPTIONS"));
    assertThat(env.get("SKALD_STORAGE_S3_ACCESS_KEY"))
        .as("keys come from the Secret, not from plain text")
        .isNull();
    assertThat(env.get("SKALD_STORAGE_S3_SECRET_KEY"))
        .as("keys come from the Secret, not from plain text")
        .isNull();
  }

  @ParameterizedTest
  @FieldSource("FUNCTIONS")
  void listensOnTheOnePortKnativeRoutesTo(String function) {
    Workloads.Workload w = service(function);
    List<ContainerPort> ports = w.container().getPorts();
    assertThat(ports).as("Knative routes to exactly one port").hasSize(1);
    ContainerPort port = ports.get(0);
    assertThat(port.getName()).as("Knative port name").isIn("http1", "h2c");
    assertThat(port.getContainerPort())
        .isEqualTo(DeployContract.PORT)
        .as("Knative sets PORT from containerPort; Skald listens on SKALD_PORT")
        .isEqualTo(Integer.parseInt(env(w).get("SKALD_PORT")));
    assertThat(env(w)).as("PORT is reserved by Knative").doesNotContainKey("PORT");
  }

  @ParameterizedTest
  @FieldSource("FUNCTIONS")
  void readinessIsProbedOnReady(String function) {
    Workloads.Workload w = service(function);
    HTTPGetAction get = w.container().getReadinessProbe().getHttpGet();
    assertThat(get).as(w.name() + " readiness probe").isNotNull();
    Checks.endpointServedBy(w.name() + " readiness probe", get.getPath(), function);
    assertThat(get.getPath()).isEqualTo("/ready");
    if (get.getPort() != null) {
      assertThat(get.getPort().getIntVal())
          .as("Knative only probes the serving port")
          .isEqualTo(DeployContract.PORT);
    }
    assertThat(w.container().getResources().getLimits())
        .as(w.name() + " memory limit")
        .containsKey("memory");
  }

  @ParameterizedTest
  @FieldSource("FUNCTIONS")
  void autoscalingAnnotationsSitOnTheRevisionTemplateAndAreWellFormed(String function) {
    Workloads.Workload w = service(function);
    HasMetadata svc =
        Knative.applied().stream()
            .filter(
                r -> Workloads.isKnativeService(r) && r.getMetadata().getName().equals(w.name()))
            .findFirst()
            .orElseThrow();
    Map<String, String> outer =
        svc.getMetadata().getAnnotations() == null ? Map.of() : svc.getMetadata().getAnnotations();
    assertThat(outer.keySet())
        .as("Knative reads autoscaling annotations from spec.template only")
        .noneMatch(k -> k.startsWith(AUTOSCALING));
    w.templateAnnotations()
        .forEach(
            (k, v) -> {
              if (k.startsWith(AUTOSCALING)) {
                assertThat(AUTOSCALING_KEYS)
                    .as("known autoscaling annotation")
                    .contains(k.substring(AUTOSCALING.length()));
              }
            });
    int min = scale(w, "min-scale", 0);
    int max = scale(w, "max-scale", Integer.MAX_VALUE);
    assertThat(min).as(w.name() + " min-scale <= max-scale").isLessThanOrEqualTo(max);
    String cls = w.annotation(AUTOSCALING + "class");
    assertThat(cls).as(w.name() + " autoscaler class").isIn(null, "kpa.autoscaling.knative.dev");
  }

  @Test
  void ingestScalesOnRequestConcurrency() {
    Workloads.Workload w = service("ingest");
    assertThat(w.annotation(AUTOSCALING + "metric")).isEqualTo("concurrency");
    assertThat(Integer.parseInt(w.annotation(AUTOSCALING + "target"))).isPositive();
  }

  @Test
  void querierScalesOnConcurrencyAndToZero() {
    Workloads.Workload w = service("querier");
    assertThat(w.annotation(AUTOSCALING + "metric")).isEqualTo("concurrency");
    assertThat(Integer.parseInt(w.annotation(AUTOSCALING + "target"))).isPositive();
    assertThat(w.annotation(AUTOSCALING + "min-scale")).isEqualTo("0");
  }

  @Test
  void compactorScalesToZeroAndNeverRunsTwice() {
    Workloads.Workload w = service("compactor");
    assertThat(w.annotation(AUTOSCALING + "min-scale")).isEqualTo("0");
    assertThat(w.annotation(AUTOSCALING + "max-scale"))
        .as("index objects are read-modify-written per tenant and day: one writer")
        .isEqualTo("1");
  }

  @Test
  void chunkerKeepsItsConsumerGroupMembership() {
    Workloads.Workload w = service("chunker");
    assertThat(w.annotation(AUTOSCALING + "min-scale"))
        .as("the chunker polls Kafka itself and gets no requests: it must never scale to zero")
        .isEqualTo("1");
    assertThat(scale(w, "max-scale", Integer.MAX_VALUE))
        .as("replicas beyond the partition count of logs.push sit idle")
        .isLessThanOrEqualTo(Knative.partitions());
  }

  @Test
  void sharedConfigMapHasNoTargetAndNoCredentials() {
    Map<String, String> shared = Knative.sharedConfig();
    assertThat(shared).as("each Service sets its own target").doesNotContainKey("SKALD_TARGET");
    assertThat(shared.keySet())
        .as("keys belong in the Secret")
        .noneMatch(k -> k.contains("ACCESS_KEY") || k.contains("SECRET"));
    Checks.environmentBindsToTheApplication("ConfigMap skald-config", shared);
  }

  private static int scale(Workloads.Workload w, String key, int absent) {
    String v = w.annotation(AUTOSCALING + key);
    if (v == null) {
      return absent;
    }
    assertThat(v).as(w.name() + " " + key).matches("\\d+");
    return Integer.parseInt(v);
  }
}
