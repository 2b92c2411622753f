package io.skald.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Knative deployment as {@code kubectl apply -k knative/} would create it, plus the example
 * Secret.
 */
final class Knative {

  static final Path DIR = Repo.path("knative");
  static final Path SECRET_EXAMPLE = DIR.resolve("s3-credentials.example.yaml");

  private static List<HasMetadata> applied;

  private Knative() {}

  /** What the root kustomization applies. */
  static synchronized List<HasMetadata> applied() {
    if (applied == null) {
      applied = Kustomize.build(DIR);
    }
    return applied;
  }

  /** A variant's resources plus the Secret the operator creates by hand. */
  static List<HasMetadata> withSecret(List<HasMetadata> resources) {
    List<HasMetadata> all = new ArrayList<>(resources);
    Kustomize.loadDocuments(SECRET_EXAMPLE).forEach(d -> all.add(Kustomize.toResource(d)));
    return all;
  }

  static List<HasMetadata> cluster() {
    return withSecret(applied());
  }

  static Map<String, String> sharedConfig() {
    return Workloads.find(applied(), ConfigMap.class, "skald-config", DeployContract.NAMESPACE)
        .orElseThrow(() -> new AssertionError("no ConfigMap skald-config"))
        .getData();
  }

  static int partitions() {
    return Integer.parseInt(
        sharedConfig()
            .getOrDefault(
                "SKALD_BUS_PARTITIONS",
                AppConfig.load().require("skald.bus.partitions").defaultValue()));
  }

  static List<String> bootstrapServers() {
    return List.of(sharedConfig().get("SKALD_BUS_KAFKA_BOOTSTRAP_SERVERS").split(","));
  }
}
