package io.skald.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Where kubectl is installed, its built-in kustomize must build exactly what the test's {@link
 * Kustomize} model builds, so the other tests check what a cluster would really get. Skipped (not
 * failed) on a machine without kubectl.
 */
class KubectlKustomizeTest {

  @ParameterizedTest
  @ValueSource(strings = {"knative", "knative/variants/broker", "knative/variants/keda-chunker"})
  void kubectlBuildsWhatTheModelBuilds(String dir) throws Exception {
    Path kubectl = kubectl().orElse(null);
    Assumptions.assumeTrue(kubectl != null, "kubectl is not on the PATH");
    Process p =
        new ProcessBuilder(kubectl.toString(), "kustomize", Repo.path(dir).toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("kubectl kustomize finished").isTrue();
    assertThat(p.exitValue()).as("kubectl kustomize " + dir + " exit code").isZero();
    List<Map<String, Object>> real = new ArrayList<>();
    for (Object doc : new Yaml().loadAll(new String(out, StandardCharsets.UTF_8))) {
      if (doc != null) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) doc;
        real.add(map);
      }
    }
    assertThat(byIdentity(Kustomize.buildMaps(Repo.path(dir)))).isEqualTo(byIdentity(real));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> byIdentity(List<Map<String, Object>> resources) {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    for (Map<String, Object> r : resources) {
      Map<String, Object> meta = (Map<String, Object>) r.get("metadata");
      String id =
          r.get("apiVersion")
              + " "
              + r.get("kind")
              + " "
              + meta.get("namespace")
              + "/"
              + meta.get("name");
      assertThat(out.put(id, r)).as("duplicate " + id).isNull();
    }
    return out;
  }

  private static Optional<Path> kubectl() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return Stream.of(path.split(File.pathSeparator))
        .map(d -> Path.of(d, "kubectl"))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
