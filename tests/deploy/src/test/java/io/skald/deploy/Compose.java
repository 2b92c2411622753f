package io.skald.deploy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * local-compose/compose.yaml as Docker Compose reads it: YAML anchors and merge keys resolved (by
 * SnakeYAML), {@code $$} unescaped and {@code ${VAR:-default}} interpolated with its default.
 */
final class Compose {

  static final Path DIR = Repo.path("local-compose");
  static final Path FILE = DIR.resolve("compose.yaml");

  private static final Pattern INTERPOLATION =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}|\\$\\$");

  /** A published port: {@code host:container}. */
  record PortMapping(int host, int container) {}

  private static Map<String, Object> model;

  private Compose() {}

  @SuppressWarnings("unchecked")
  static synchronized Map<String, Object> model() {
    if (model == null) {
      model = (Map<String, Object>) interpolateAll(new Yaml().load(Repo.read(FILE)));
    }
    return model;
  }

  static String projectName() {
    return (String) model().get("name");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> services() {
    return (Map<String, Map<String, Object>>) model().get("services");
  }

  static Map<String, Object> service(String name) {
    Map<String, Object> s = services().get(name);
    if (s == null) {
      throw new AssertionError("compose.yaml has no service " + name);
    }
    return s;
  }

  /** The service's environment; values as strings, list and map forms both accepted. */
  @SuppressWarnings("unchecked")
  static Map<String, String> environment(String name) {
    Object env = service(name).get("environment");
    Map<String, String> out = new LinkedHashMap<>();
    if (env instanceof Map<?, ?> map) {
      map.forEach((k, v) -> out.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
    } else if (env instanceof List<?> list) {
      for (Object item : list) {
        String s = String.valueOf(item);
        int eq = s.indexOf('=');
        out.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
      }
    }
    return out;
  }

  static List<PortMapping> ports(String name) {
    Object ports = service(name).get("ports");
    if (ports == null) {
      return List.of();
    }
    return ((List<?>) ports)
        .stream()
            .map(
                p -> {
                  String[] parts = String.valueOf(p).split(":");
                  if (parts.length != 2) {
                    throw new AssertionError(name + ": use host:container port mappings, got " + p);
                  }
                  return new PortMapping(
                      Integer.parseInt(parts[0]), Integer.parseInt(parts[1].replace("/tcp", "")));
                })
            .toList();
  }

  /** depends_on as service -> condition (the short list form means service_started). */
  static Map<String, String> dependsOn(String name) {
    Object deps = service(name).get("depends_on");
    Map<String, String> out = new LinkedHashMap<>();
    if (deps instanceof List<?> list) {
      list.forEach(d -> out.put(String.valueOf(d), "service_started"));
    } else if (deps instanceof Map<?, ?> map) {
      map.forEach(
          (k, v) ->
              out.put(
                  String.valueOf(k),
                  v instanceof Map<?, ?> m && m.get("condition") != null
                      ? String.valueOf(m.get("condition"))
                      : "service_started"));
    }
    return out;
  }

  /** command (or, failing that, entrypoint) as one string. */
  static String command(String name) {
    Object c = service(name).get("command");
    if (c == null) {
      return "";
    }
    return c instanceof List<?> list
        ? String.join(" ", list.stream().map(String::valueOf).toList())
        : String.valueOf(c);
  }

  static String healthcheck(String name) {
    Object h = service(name).get("healthcheck");
    if (!(h instanceof Map<?, ?> map) || map.get("test") == null) {
      return null;
    }
    Object test = map.get("test");
    return test instanceof List<?> list
        ? String.join(" ", list.stream().map(String::valueOf).toList())
        : String.valueOf(test);
  }

  /** Short-syntax bind mounts as container path -> host path resolved against local-compose/. */
  static Map<String, Path> binds(String name) {
    Object volumes = service(name).get("volumes");
    Map<String, Path> out = new LinkedHashMap<>();
    if (volumes instanceof List<?> list) {
      for (Object v : list) {
        String[] parts = String.valueOf(v).split(":");
        if (parts[0].startsWith(".") || parts[0].startsWith("/")) {
          out.put(
              parts[1],
              parts[0].startsWith(".") ? DIR.resolve(parts[0]).normalize() : Path.of(parts[0]));
        }
      }
    }
    return out;
  }

  static String interpolate(String s) {
    Matcher m = INTERPOLATION.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement;
      if (m.group().equals("$$")) {
        replacement = "$";
      } else if (m.group(2) != null) {
        replacement = m.group(2);
      } else {
        throw new AssertionError(
            "compose.yaml uses ${"
                + m.group(1)
                + "} without a default; the stack must start as is");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static Object interpolateAll(Object node) {
    if (node instanceof String s) {
      return interpolate(s);
    }
    if (node instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, interpolateAll(v)));
      return out;
    }
    if (node instanceof List<?> list) {
      return list.stream().map(Compose::interpolateAll).toList();
    }
    return node;
  }
}
