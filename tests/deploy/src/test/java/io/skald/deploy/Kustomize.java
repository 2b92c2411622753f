package io.skald.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/**
 * The part of {@code kubectl kustomize} these manifests use: resources (files and directories),
 * {@code labels}, and {@code patches} that are either JSON 6902 operations ({@code add}, {@code
 * replace}, {@code remove}) on a target or a {@code $patch: delete} of a whole resource. Anything
 * else in a kustomization fails the build, so a new feature gets a test before it ships.
 */
final class Kustomize {

  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private static final Set<String> SUPPORTED =
      Set.of("apiVersion", "kind", "resources", "patches", "labels");

  private Kustomize() {}

  /**
   * The resources {@code kubectl apply -k dir} would apply, as typed objects where fabric8 has a
   * type.
   */
  static List<HasMetadata> build(Path dir) {
    return buildMaps(dir).stream().map(Kustomize::toResource).toList();
  }

  static HasMetadata toResource(Map<String, Object> map) {
    return SERIALIZATION.unmarshal(SERIALIZATION.asJson(map));
  }

  /** Every document of a YAML file as a mutable map. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> loadDocuments(Path file) {
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Object doc : new Yaml().loadAll(Repo.read(file))) {
      if (doc != null) {
        docs.add((Map<String, Object>) doc);
      }
    }
    return docs;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> kustomization(Path dir) {
    Path file = dir.resolve("kustomization.yaml");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no kustomization.yaml in " + dir);
    }
    return (Map<String, Object>) new Yaml().load(Repo.read(file));
  }

  /** Files and directories a kustomization lists under {@code resources}, resolved. */
  @SuppressWarnings("unchecked")
  static List<Path> resources(Path dir) {
    List<String> names = (List<String>) kustomization(dir).getOrDefault("resources", List.of());
    return names.stream().map(n -> dir.resolve(n).normalize()).toList();
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> buildMaps(Path dir) {
    Map<String, Object> k = kustomization(dir);
    for (String key : k.keySet()) {
      if (!SUPPORTED.contains(key)) {
        throw new UnsupportedOperationException(
            dir
                + "/kustomization.yaml uses '"
                + key
                + "', which the test's kustomize model does not know; extend Kustomize");
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Path r : resources(dir)) {
      if (Files.isDirectory(r)) {
        if (dir.toAbsolutePath().normalize().startsWith(r.toAbsolutePath().normalize())) {
          // kustomize: "cycle detected: candidate root ... contains visited root ..."
          throw new IllegalArgumentException(
              dir
                  + "/kustomization.yaml: resource "
                  + r
                  + " contains this kustomization; kustomize rejects that as a cycle");
        }
        out.addAll(buildMaps(r));
      } else if (Files.isRegularFile(r)) {
        out.addAll(loadDocuments(r));
      } else {
        throw new IllegalArgumentException(dir + "/kustomization.yaml lists missing resource " + r);
      }
    }
    for (Map<String, Object> patch :
        (List<Map<String, Object>>) k.getOrDefault("patches", List.of())) {
      applyPatch(out, patch, dir);
    }
    for (Map<String, Object> label :
        (List<Map<String, Object>>) k.getOrDefault("labels", List.of())) {
      Map<String, String> pairs = (Map<String, String>) label.get("pairs");
      for (Map<String, Object> res : out) {
        Map<String, Object> meta =
            (Map<String, Object>) res.computeIfAbsent("metadata", x -> new LinkedHashMap<>());
        ((Map<String, Object>) meta.computeIfAbsent("labels", x -> new LinkedHashMap<>()))
            .putAll(pairs);
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void applyPatch(
      List<Map<String, Object>> resources, Map<String, Object> patch, Path dir) {
    Object body =
        new Yaml()
            .load((String) Objects.requireNonNull(patch.get("patch"), "inline patch in " + dir));
    if (body instanceof Map<?, ?> smp) {
      if (!"delete".equals(smp.get("$patch"))) {
        throw new UnsupportedOperationException(
            "only '$patch: delete' strategic merge patches are modelled: " + smp);
      }
      Map<String, Object> meta = (Map<String, Object>) smp.get("metadata");
      boolean removed =
          resources.removeIf(
              r ->
                  matches(
                      r,
                      apiGroup((String) smp.get("apiVersion")),
                      (String) smp.get("kind"),
                      (String) meta.get("name")));
      if (!removed) {
        throw new IllegalArgumentException(dir + ": delete patch matches nothing: " + smp);
      }
      return;
    }
    Map<String, Object> target = (Map<String, Object>) patch.get("target");
    List<Map<String, Object>> ops = (List<Map<String, Object>>) body;
    List<Map<String, Object>> hits =
        resources.stream()
            .filter(
                r ->
                    matches(
                        r,
                        (String) target.get("group"),
                        (String) target.get("kind"),
                        (String) target.get("name")))
            .toList();
    if (hits.isEmpty()) {
      throw new IllegalArgumentException(dir + ": patch target matches nothing: " + target);
    }
    for (Map<String, Object> r : hits) {
      for (Map<String, Object> op : ops) {
        applyOperation(r, (String) op.get("op"), (String) op.get("path"), op.get("value"), dir);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void applyOperation(
      Map<String, Object> doc, String op, String path, Object value, Path dir) {
    String[] segments = path.substring(1).split("/");
    Map<String, Object> parent = doc;
    for (int i = 0; i < segments.length - 1; i++) {
      Object next = parent.get(unescape(segments[i]));
      if (!(next instanceof Map)) {
        throw new IllegalArgumentException(
            dir + ": " + op + " " + path + ": no object at /" + segments[i]);
      }
      parent = (Map<String, Object>) next;
    }
    String last = unescape(segments[segments.length - 1]);
    switch (op) {
      case "add" -> parent.put(last, value);
      case "replace", "remove" -> {
        if (!parent.containsKey(last)) {
          throw new IllegalArgumentException(
              dir + ": " + op + " " + path + ": nothing there to " + op);
        }
        if (op.equals("replace")) {
          parent.put(last, value);
        } else {
          parent.remove(last);
        }
      }
      default -> throw new UnsupportedOperationException(op + " is not modelled");
    }
  }

  @SuppressWarnings("unchecked")
  private static boolean matches(Map<String, Object> r, String group, String kind, String name) {
    String api = (String) r.get("apiVersion");
    Map<String, Object> meta = (Map<String, Object>) r.get("metadata");
    return (group == null || group.equals(apiGroup(api)))
        && (kind == null || kind.equals(r.get("kind")))
        && (name == null || name.equals(meta.get("name")));
  }

  static String apiGroup(String apiVersion) {
    return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
  }

  private static String unescape(String segment) {
    return segment.replace("~1", "/").replace("~0", "~");
  }
}
