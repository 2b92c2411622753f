package io.skald.app;

/** The functions a process can run, chosen with {@code --target}. */
public final class Targets {

  static final String VALID = "all|(ingest|chunker|querier|compactor)(,(ingest|chunker|querier|compactor))*";
  public static final String ALL = "all";
  public static final String[] NAMES = {"all", "ingest", "chunker", "querier", "compactor"};
  /** Targets whose functions talk to the bus (the querier does not). */
  static final String USES_BUS = "(.*,)?(all|ingest|chunker|compactor)(,.*)?";
  /** Targets whose functions read or write objects (push ingest does not). */
  static final String USES_OBJECT_STORE = "(.*,)?(all|chunker|compactor|querier)(,.*)?";

  private Targets() {}
}
