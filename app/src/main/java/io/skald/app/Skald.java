package io.skald.app;

import io.micronaut.runtime.Micronaut;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts Skald: every function and route in one process, or the subset named by {@code --target}.
 * Flags are configuration properties under {@code skald.}, so {@code --auth.enabled=true} is {@code
 * skald.auth.enabled=true}, the same as the environment variable {@code SKALD_AUTH_ENABLED=true}.
 */
public final class Skald {

  static final String AVRO_TRUSTED_PACKAGES = "org.apache.avro.SERIALIZABLE_PACKAGES";

  private Skald() {}

  public static void main(String[] args) {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.println(Help.TEXT);
      return;
    }
    if (RebuildIndex.requested(args)) {
      System.exit(RebuildIndex.run(args));
    }
    // Avro refuses to instantiate generated classes from packages it was not told to trust.
    if (System.getProperty(AVRO_TRUSTED_PACKAGES) == null) {
      System.setProperty(AVRO_TRUSTED_PACKAGES, "io.skald.events.v1");
    }
    Micronaut.build(toProperties(args)).mainClass(Skald.class).banner(false).start();
  }

  /** {@code --name=value} and {@code --name value} become {@code -skald.name=value}. */
  static String[] toProperties(String[] args) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + a + "' (see --help)");
      }
      String body = a.substring(2);
      String name;
      String value;
      int eq = body.indexOf('=');
      if (eq >= 0) {
        name = body.substring(0, eq);
        value = body.substring(eq + 1);
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        name = body;
        value = args[++i];
      } else {
        name = body;
        value = "true";
      }
      String property =
          name.startsWith("micronaut.") || name.startsWith("skald.") ? name : "skald." + name;
      out.add("-" + property + "=" + value);
    }
    return out.toArray(String[]::new);
  }
}
