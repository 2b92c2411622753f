package io.skald.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Typed views of the Kubernetes objects the tests look at. fabric8 serves no Knative model at the
 * version in use, so Knative, Strimzi, KEDA and eventing resources arrive as {@link
 * GenericKubernetesResource}; a Knative Service's pod template is converted to the typed {@link
 * PodSpec} so containers, env, ports and probes are checked through the real model.
 */
final class Workloads {

  private Workloads() {}

  /** A pod-running resource: a Knative Service or a Deployment. */
  record Workload(
      String kind,
      String name,
      String namespace,
      Map<String, String> labels,
      Map<String, String> templateAnnotations,
      PodSpec pod,
      Map<String, Object> templateSpec) {

    Container container() {
      if (pod.getContainers().size() != 1) {
        throw new AssertionError(
            name + " must run exactly one container, has " + pod.getContainers().size());
      }
      return pod.getContainers().get(0);
    }

    String annotation(String key) {
      return templateAnnotations.get(key);
    }
  }

  /** The value an environment variable gets, and where from; {@code value} is null for secrets. */
  record Env(String name, String value, String from) {}

  static boolean isKnativeService(HasMetadata r) {
    return "Service".equals(r.getKind()) && r.getApiVersion().startsWith("serving.knative.dev/");
  }

  @SuppressWarnings("unchecked")
  static Workload knativeService(HasMetadata r) {
    GenericKubernetesResource g = (GenericKubernetesResource) r;
    Map<String, Object> template = g.get("spec", "template");
    Map<String, Object> templateMeta =
        (Map<String, Object>) template.getOrDefault("metadata", Map.of());
    Map<String, Object> spec = (Map<String, Object>) template.get("spec");
    PodSpec pod = Kustomize.SERIALIZATION.convertValue(spec, PodSpec.class);
    return new Workload(
        "Service",
        r.getMetadata().getName(),
        r.getMetadata().getNamespace(),
        orEmpty(r.getMetadata().getLabels()),
        (Map<String, String>) templateMeta.getOrDefault("annotations", Map.of()),
        pod,
        spec);
  }

  static Workload deployment(Deployment d) {
    return new Workload(
        "Deployment",
        d.getMetadata().getName(),
        d.getMetadata().getNamespace(),
        orEmpty(d.getMetadata().getLabels()),
        orEmpty(d.getSpec().getTemplate().getMetadata().getAnnotations()),
        d.getSpec().getTemplate().getSpec(),
        Map.of());
  }

  static List<Workload> knativeServices(List<HasMetadata> resources) {
    return resources.stream()
        .filter(Workloads::isKnativeService)
        .map(Workloads::knativeService)
        .toList();
  }

  static <T extends HasMetadata> List<T> ofType(List<HasMetadata> resources, Class<T> type) {
    return resources.stream().filter(type::isInstance).map(type::cast).toList();
  }

  static List<GenericKubernetesResource> ofKind(List<HasMetadata> resources, String kind) {
    return resources.stream()
        .filter(r -> kind.equals(r.getKind()))
        .map(r -> (GenericKubernetesResource) r)
        .toList();
  }

  /**
   * The container's environment as the kubelet builds it: {@code envFrom} first (ConfigMaps and
   * Secrets found among {@code resources}), then {@code env}, which wins.
   */
  static Map<String, Env> environment(Container c, String namespace, List<HasMetadata> resources) {
    Map<String, Env> env = new LinkedHashMap<>();
    for (EnvFromSource from : c.getEnvFrom()) {
      String prefix = from.getPrefix() == null ? "" : from.getPrefix();
      if (from.getConfigMapRef() != null) {
        ConfigMap cm =
            find(resources, ConfigMap.class, from.getConfigMapRef().getName(), namespace)
                .orElseThrow(
                    () ->
                        new AssertionError(
                            "envFrom: no ConfigMap " + from.getConfigMapRef().getName()));
        cm.getData()
            .forEach(
                (k, v) ->
                    env.put(
                        prefix + k,
                        new Env(prefix + k, v, "ConfigMap " + cm.getMetadata().getName())));
      }
      if (from.getSecretRef() != null) {
        Secret s =
            find(resources, Secret.class, from.getSecretRef().getName(), namespace)
                .orElseThrow(
                    () ->
                        new AssertionError("envFrom: no Secret " + from.getSecretRef().getName()));
        secretKeys(s)
            .forEach(
                k ->
                    env.put(
                        prefix + k,
                        new Env(prefix + k, null, "Secret " + s.getMetadata().getName())));
      }
    }
    for (EnvVar v : c.getEnv()) {
      if (v.getValueFrom() == null) {
        env.put(v.getName(), new Env(v.getName(), v.getValue(), "env"));
      } else if (v.getValueFrom().getSecretKeyRef() != null) {
        String name = v.getValueFrom().getSecretKeyRef().getName();
        String key = v.getValueFrom().getSecretKeyRef().getKey();
        Secret s =
            find(resources, Secret.class, name, namespace)
                .orElseThrow(() -> new AssertionError(v.getName() + ": no Secret " + name));
        if (!secretKeys(s).contains(key)) {
          throw new AssertionError(v.getName() + ": Secret " + name + " has no key " + key);
        }
        env.put(v.getName(), new Env(v.getName(), null, "Secret " + name + "/" + key));
      } else if (v.getValueFrom().getConfigMapKeyRef() != null) {
        String name = v.getValueFrom().getConfigMapKeyRef().getName();
        String key = v.getValueFrom().getConfigMapKeyRef().getKey();
        ConfigMap cm =
            find(resources, ConfigMap.class, name, namespace)
                .orElseThrow(() -> new AssertionError(v.getName() + ": no ConfigMap " + name));
        env.put(
            v.getName(),
            new Env(
                v.getName(),
                Objects.requireNonNull(
                    cm.getData().get(key),
                    v.getName() + ": ConfigMap " + name + " has no key " + key),
                "ConfigMap " + name + "/" + key));
      } else {
        throw new AssertionError(v.getName() + ": unsupported valueFrom " + v.getValueFrom());
      }
    }
    return env;
  }

  static List<String> secretKeys(Secret s) {
    List<String> keys = new java.util.ArrayList<>();
    keys.addAll(orEmpty(s.getData()).keySet());
    keys.addAll(orEmpty(s.getStringData()).keySet());
    return keys;
  }

  static <T extends HasMetadata> Optional<T> find(
      List<HasMetadata> resources, Class<T> type, String name, String namespace) {
    return ofType(resources, type).stream()
        .filter(r -> r.getMetadata().getName().equals(name))
        .filter(r -> namespace == null || Objects.equals(namespace, r.getMetadata().getNamespace()))
        .findFirst();
  }

  private static <K, V> Map<K, V> orEmpty(Map<K, V> m) {
    return m == null ? Map.of() : m;
  }
}
