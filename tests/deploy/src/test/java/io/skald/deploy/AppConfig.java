package io.skald.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The application's configuration properties, read from the SOURCE of its configuration records
 * ({@code @ConfigurationProperties("skald.x") record X(...)}) and from the {@code ${skald.*}}
 * placeholders in its {@code application.yml}. Reading sources instead of loading classes keeps
 * this module independent of whether the rest of the reactor builds.
 *
 * <p>Micronaut maps an environment variable to a property by lower-casing it and trying '.' and '-'
 * for each '_', so {@code SKALD_BUS_KAFKA_BOOTSTRAP_SERVERS} reaches {@code
 * skald.bus.kafka-bootstrap-servers}. {@link #property(String)} does the reverse lookup.
 */
final class AppConfig {

  /** One configuration property with what its declaration says about valid values. */
  record Property(
      String name,
      String javaType,
      String defaultValue,
      String pattern,
      Long min,
      boolean notBlank,
      String declaredIn) {

    String envName() {
      return envNameOf(name);
    }

    /** Why {@code value} would not bind or validate, or empty when it is fine. */
    Optional<String> problemWith(String value) {
      if (value == null) {
        return Optional.of(name + ": no value");
      }
      if (notBlank && value.isBlank()) {
        return Optional.of(name + " must not be blank");
      }
      String type = javaType.replace("java.lang.", "").replace("java.time.", "");
      switch (type) {
        case "boolean", "Boolean" -> {
          if (!value.equals("true") && !value.equals("false")) {
            return Optional.of(name + "=" + value + " is not a boolean");
          }
        }
        case "int", "Integer", "long", "Long", "short", "Short" -> {
          long n;
          try {
            n = Long.parseLong(value.trim());
          } catch (NumberFormatException e) {
            return Optional.of(name + "=" + value + " is not an integer");
          }
          if (min != null && n < min) {
            return Optional.of(name + "=" + value + " is below its minimum " + min);
          }
        }
        case "Duration" -> {
          if (!value.matches("\\d+(ns|ms|s|m|h|d)|P(T?[0-9.]+[DHMS])+")) {
            return Optional.of(name + "=" + value + " is not a duration (e.g. 10s, 5m, PT1H)");
          }
        }
        default -> {}
      }
      if (pattern != null && !value.matches(pattern)) {
        return Optional.of(name + "=" + value + " does not match " + pattern);
      }
      return Optional.empty();
    }
  }

  private static final List<String> SOURCE_ROOTS = List.of("app", "functions", "routes");

  /** Where constants used in configuration records may live (topic names are in schemas). */
  private static final List<String> CONSTANT_ROOTS =
      List.of("app", "functions", "routes", "schemas");

  private static final Pattern CONFIG_PROPERTIES =
      Pattern.compile("@ConfigurationProperties\\(\\s*(?:value\\s*=\\s*)?\"([^\"]+)\"\\s*\\)");
  private static final Pattern RECORD = Pattern.compile("\\brecord\\s+(\\w+)\\s*\\(");
  private static final Pattern CLASS_LIKE = Pattern.compile("\\b(class|interface)\\s+(\\w+)");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(skald\\.[a-z0-9.-]+)");

  private static AppConfig instance;

  private final Map<String, Property> properties;
  private final List<String> unreadable;

  private AppConfig(Map<String, Property> properties, List<String> unreadable) {
    this.properties = properties;
    this.unreadable = unreadable;
  }

  static synchronized AppConfig load() {
    if (instance == null) {
      instance = read(Repo.root());
    }
    return instance;
  }

  static AppConfig read(Path root) {
    Map<String, Property> props = new TreeMap<>();
    List<String> unreadable = new ArrayList<>();
    for (Path file : mainFiles(root, "src/main/java", ".java")) {
      String src = stripComments(Repo.read(file));
      Matcher m = CONFIG_PROPERTIES.matcher(src);
      while (m.find()) {
        String prefix = m.group(1);
        String rel = root.relativize(file).toString().replace('\\', '/');
        Matcher rec = RECORD.matcher(src);
        Matcher cls = CLASS_LIKE.matcher(src);
        int recAt = rec.find(m.end()) ? rec.start() : Integer.MAX_VALUE;
        int clsAt = cls.find(m.end()) ? cls.start() : Integer.MAX_VALUE;
        if (recAt == Integer.MAX_VALUE || clsAt < recAt) {
          unreadable.add(rel + " (" + prefix + ": only records are read; extend AppConfig)");
          continue;
        }
        String header = balanced(src, rec.end() - 1);
        for (String component : splitTopLevel(header)) {
          Property p = component(prefix, component, root, file, rel);
          props.put(p.name(), p);
        }
      }
    }
    for (Path yml : mainFiles(root, "src/main/resources", ".yml", ".yaml")) {
      String rel = root.relativize(yml).toString().replace('\\', '/');
      String text = Repo.read(yml);
      Matcher ph = PLACEHOLDER.matcher(text);
      while (ph.find()) {
        String name = ph.group(1);
        // ${skald.port:3100} feeds micronaut.server.port: a port is an integer.
        String type = name.endsWith(".port") ? "int" : "String";
        props.putIfAbsent(
            name,
            new Property(name, type, null, null, name.endsWith(".port") ? 1L : null, false, rel));
      }
      Object doc = new Yaml().load(text);
      if (doc instanceof Map<?, ?> map && map.get("skald") instanceof Map<?, ?> skald) {
        flatten("skald", skald, props, rel);
      }
    }
    return new AppConfig(props, unreadable);
  }

  Map<String, Property> properties() {
    return properties;
  }

  /** {@code @ConfigurationProperties} types this reader could not read (should be none). */
  List<String> unreadable() {
    return unreadable;
  }

  Property require(String name) {
    Property p = properties.get(name);
    if (p == null) {
      throw new IllegalStateException(
          "no configuration property " + name + " in the application sources");
    }
    return p;
  }

  /** The property an environment variable sets, if any. */
  Optional<Property> property(String envName) {
    return properties.values().stream().filter(p -> p.envName().equals(envName)).findFirst();
  }

  static String envNameOf(String property) {
    return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  // ---------------------------------------------------------------------------------------------

  private static List<Path> mainFiles(Path root, String under, String... suffixes) {
    List<Path> out = new ArrayList<>();
    for (String top : SOURCE_ROOTS) {
      Path dir = root.resolve(top);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      for (Path f : Repo.files(dir, suffixes)) {
        String rel = dir.relativize(f).toString().replace('\\', '/');
        if (rel.contains(under + "/") && !rel.contains("/target/")) {
          out.add(f);
        }
      }
    }
    return out;
  }

  private static void flatten(
      String prefix, Map<?, ?> map, Map<String, Property> props, String rel) {
    map.forEach(
        (k, v) -> {
          String name = prefix + "." + k;
          if (v instanceof Map<?, ?> nested) {
            flatten(name, nested, props, rel);
          } else {
            props.putIfAbsent(
                name,
                new Property(
                    name, "String", v == null ? null : String.valueOf(v), null, null, false, rel));
          }
        });
  }

  private static Property component(String prefix, String text, Path root, Path file, String rel) {
    Map<String, String> annotations = new LinkedHashMap<>();
    int i = 0;
    String s = text.strip();
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '@') {
        int j = i + 1;
        while (j < s.length()
            && (Character.isJavaIdentifierPart(s.charAt(j)) || s.charAt(j) == '.')) {
          j++;
        }
        String name = s.substring(i + 1, j);
        name = name.substring(name.lastIndexOf('.') + 1);
        int k = j;
        while (k < s.length() && Character.isWhitespace(s.charAt(k))) {
          k++;
        }
        String args = "";
        if (k < s.length() && s.charAt(k) == '(') {
          args = balanced(s, k);
          j = k + args.length() + 2;
        }
        annotations.put(name, args);
        i = j;
      } else {
        break;
      }
    }
    String rest = s.substring(i).strip();
    int lastSpace = rest.lastIndexOf(' ');
    String type = rest.substring(0, lastSpace).strip();
    String field = rest.substring(lastSpace + 1).strip();
    String name = prefix + "." + kebab(field);
    String def =
        annotations.containsKey("Bindable")
            ? stringArg(annotations.get("Bindable"), "defaultValue", root, file)
            : null;
    String pattern =
        annotations.containsKey("Pattern")
            ? stringArg(annotations.get("Pattern"), "regexp", root, file)
            : null;
    Long min =
        annotations.containsKey("Min")
            ? Long.valueOf(annotations.get("Min").replaceAll("value\\s*=", "").strip())
            : null;
    boolean notBlank = annotations.containsKey("NotBlank");
    return new Property(name, type, def, pattern, min, notBlank, rel);
  }

  /** The value of {@code key = ...} (or the sole argument) as a string literal or a constant. */
  private static String stringArg(String args, String key, Path root, Path file) {
    String expr = null;
    for (String part : splitTopLevel(args)) {
      String p = part.strip();
      Matcher kv = Pattern.compile("^(\\w+)\\s*=\\s*(.*)$", Pattern.DOTALL).matcher(p);
      if (kv.matches()) {
        if (kv.group(1).equals(key)) {
          expr = kv.group(2).strip();
        }
      } else if (p.startsWith("\"")) {
        expr = p;
      }
    }
    if (expr == null) {
      return null;
    }
    if (expr.startsWith("\"")) {
      return unquote(expr);
    }
    return constant(expr, root, file);
  }

  /**
   * Resolves {@code Type.NAME} or {@code NAME} to a {@code static final String} in that source: a
   * type in the same package, or one the source imports from any module of the repository.
   */
  static String constant(String ref, Path root, Path from) {
    String type = ref.contains(".") ? ref.substring(0, ref.lastIndexOf('.')) : null;
    String field = ref.substring(ref.lastIndexOf('.') + 1);
    Path source =
        type == null ? from : typeSource(type.substring(type.lastIndexOf('.') + 1), root, from);
    Matcher m =
        Pattern.compile(
                "\\bString\\s+" + Pattern.quote(field) + "\\s*=\\s*(\"(?:[^\"\\\\]|\\\\.)*\")\\s*;")
            .matcher(stripComments(Repo.read(source)));
    if (!m.find()) {
      throw new IllegalStateException("cannot resolve " + ref + " in " + source);
    }
    return unquote(m.group(1));
  }

  private static Path typeSource(String simpleName, Path root, Path from) {
    Path sibling = from.resolveSibling(simpleName + ".java");
    if (Files.isRegularFile(sibling)) {
      return sibling;
    }
    Matcher imported =
        Pattern.compile("(?m)^import\\s+([\\w.]+)\\." + Pattern.quote(simpleName) + "\\s*;")
            .matcher(Repo.read(from));
    if (imported.find()) {
      String path =
          "src/main/java/" + imported.group(1).replace('.', '/') + "/" + simpleName + ".java";
      for (String top : CONSTANT_ROOTS) {
        for (Path f : Repo.files(root.resolve(top), simpleName + ".java")) {
          if (f.toString().replace('\\', '/').endsWith(path)) {
            return f;
          }
        }
      }
    }
    throw new IllegalStateException("cannot find the source of " + simpleName + " used in " + from);
  }

  static String unquote(String literal) {
    String body = literal.strip();
    body = body.substring(1, body.length() - 1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        char n = body.charAt(++i);
        switch (n) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          default -> out.append(n);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The text between the bracket at {@code open} and its partner, skipping string literals. */
  static String balanced(String s, int open) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\'') {
        i = skipLiteral(s, i);
      } else if (c == '(' || c == '{' || c == '[') {
        depth++;
      } else if (c == ')' || c == '}' || c == ']') {
        depth--;
        if (depth == 0) {
          return s.substring(open + 1, i);
        }
      }
    }
    throw new IllegalStateException("unbalanced brackets from offset " + open);
  }

  /** Splits on commas outside brackets, generics and literals. */
  static List<String> splitTopLevel(String s) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\'') {
        i = skipLiteral(s, i);
      } else if (c == '(' || c == '{' || c == '[' || c == '<') {
        depth++;
      } else if (c == ')' || c == '}' || c == ']' || c == '>') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
    }
    if (!s.substring(start).isBlank()) {
      parts.add(s.substring(start));
    }
    return parts.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
  }

  private static int skipLiteral(String s, int at) {
    char quote = s.charAt(at);
    if (s.startsWith("\"\"\"", at)) {
      int end = s.indexOf("\"\"\"", at + 3);
      return end < 0 ? s.length() : end + 2;
    }
    for (int i = at + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote) {
        return i;
      }
    }
    return s.length();
  }

  /** Removes // and block comments (outside string literals). */
  static String stripComments(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\'') {
        int end = skipLiteral(s, i);
        out.append(s, i, Math.min(end + 1, s.length()));
        i = end;
      } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
        while (i < s.length() && s.charAt(i) != '\n') {
          i++;
        }
        out.append('\n');
      } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
        int end = s.indexOf("*/", i + 2);
        i = end < 0 ? s.length() : end + 1;
        out.append(' ');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
