package io.skald.app;

import io.micronaut.context.ApplicationContext;
import io.skald.compactor.sweep.IndexRebuilder;
import io.skald.storage.ObjectStore;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./skald --rebuild-index} (or {@code --target=rebuild-index}): rewrites every tenant-day
 * index from the segments in the bucket, then exits. No function starts: the context only supplies
 * the storage settings.
 */
final class RebuildIndex {

  static final String FLAG = "--rebuild-index";
  static final String TARGET = "rebuild-index";

  private RebuildIndex() {}

  static boolean requested(String[] args) {
    for (String a : args) {
      if (a.equals(FLAG)
          || a.equals("--target=" + TARGET)
          || a.equals("--skald.target=" + TARGET)) {
        return true;
      }
    }
    return false;
  }

  /** Runs the rebuild; returns the process exit code. */
  static int run(String[] args) {
    List<String> rest = new ArrayList<>();
    for (String a : args) {
      if (!a.equals(FLAG) && !a.startsWith("--target=") && !a.startsWith("--skald.target=")) {
        rest.add(a);
      }
    }
    List<String> properties =
        new ArrayList<>(List.of(Skald.toProperties(rest.toArray(String[]::new))));
    properties.add("-skald.target=" + TARGET); // matches no function, so none starts
    try (ApplicationContext ctx =
        ApplicationContext.builder().args(properties.toArray(String[]::new)).start()) {
      StorageConfig storage = ctx.getBean(StorageConfig.class);
      String dataDir =
          ctx.getEnvironment().getProperty("skald.data-dir", String.class).orElse("./data");
      try (ObjectStore store = InfrastructureFactory.open(storage, dataDir, storage.bucket())) {
        IndexRebuilder.Result r = new IndexRebuilder(store).run();
        System.out.printf(
            "rebuilt %d tenant-day indexes: %d segments indexed, %d retired by pending deletes, "
                + "%d corrupt%n",
            r.tenantDays(), r.segmentsIndexed(), r.segmentsRetired(), r.segmentsCorrupt());
        return 0;
      }
    } catch (Exception e) {
      System.err.println("index rebuild failed: " + e);
      return 1;
    }
  }
}
