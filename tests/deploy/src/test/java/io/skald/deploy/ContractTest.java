package io.skald.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** DeployContract against the application's sources and the deployment docs. */
class ContractTest {

  static final List<DeployContract.Endpoint> ENDPOINTS = DeployContract.ENDPOINTS;

  @ParameterizedTest
  @FieldSource("ENDPOINTS")
  void endpointIsRoutedInTheApplication(DeployContract.Endpoint endpoint) {
    boolean routed = mainSources().stream().anyMatch(f -> declares(Repo.read(f), endpoint.path()));
    if (!routed && endpoint.builtByLead()) {
      Assumptions.abort(
          endpoint.method()
              + " "
              + endpoint.path()
              + " ("
              + endpoint.purpose()
              + ") is not in the sources yet; the manifests rely on it");
    }
    assertThat(routed)
        .as(
            endpoint.method()
                + " "
                + endpoint.path()
                + " is routed somewhere under app/, functions/ or routes/")
        .isTrue();
  }

  @ParameterizedTest
  @FieldSource("ENDPOINTS")
  void endpointIsDocumentedForOperators(DeployContract.Endpoint endpoint) {
    assertThat(Repo.read("docs/deploy-knative.md").contains("`" + endpoint.path() + "`"))
        .as("docs/deploy-knative.md mentions `" + endpoint.path() + "`")
        .isTrue();
  }

  @Test
  void composeGuideNamesEveryService() {
    String guide = Repo.read("docs/local-compose.md");
    Compose.services()
        .keySet()
        .forEach(
            s ->
                assertThat(guide.contains("`" + s + "`"))
                    .as("docs/local-compose.md mentions `" + s + "`")
                    .isTrue());
  }

  @Test
  void knativeGuideNamesEveryManifestAndVariant() {
    String guide = Repo.read("docs/deploy-knative.md");
    for (Path yaml : Repo.files(Knative.DIR, ".yaml")) {
      if (!yaml.getFileName().toString().equals("kustomization.yaml")) {
        String name = Knative.DIR.relativize(yaml).toString().replace('\\', '/');
        assertThat(guide.contains("`" + name + "`"))
            .as("docs/deploy-knative.md mentions `" + name + "`")
            .isTrue();
      }
    }
  }

  @Test
  void sourceSearchRecognisesControllerPrefixes() {
    assertThat(
            declares(
                "@Controller(\"/loki/api/v1\") class Q { @Get(\"/query_range\") void q() {} }",
                "/loki/api/v1/query_range"))
        .isTrue();
    assertThat(declares("@Post(uri = \"/events/storage\")", "/events/storage")).isTrue();
    assertThat(
            declares(
                "@Controller(\"/events\") class E { @Post(\"/storage\") void s() {} }",
                "/events/storage"))
        .isTrue();
    assertThat(declares("\"/events/storagex\"", "/events/storage")).isFalse();
  }

  /**
   * The path as one string literal, or split into a literal prefix and a literal rest (a controller
   * base path).
   */
  static boolean declares(String source, String path) {
    if (source.contains("\"" + path + "\"")) {
      return true;
    }
    for (int i = path.indexOf('/', 1); i > 0; i = path.indexOf('/', i + 1)) {
      if (source.contains("\"" + path.substring(0, i) + "\"")
          && source.contains("\"" + path.substring(i) + "\"")) {
        return true;
      }
    }
    return false;
  }

  private static List<Path> mainSources() {
    List<Path> out = new ArrayList<>();
    for (String top : List.of("app", "functions", "routes")) {
      for (Path f : Repo.files(Repo.path(top), ".java")) {
        String rel = Repo.relative(f);
        if (rel.contains("/src/main/java/")) {
          out.add(f);
        }
      }
    }
    return out;
  }
}
