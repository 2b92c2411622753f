package io.skald.health;

import java.util.List;

/**
 * The functions a process runs, chosen with {@code --target} (property {@code skald.target}):
 * {@code all} or a comma-separated list of function names, as Loki's {@code -target}. Each function
 * and each readiness check it needs creates its beans only under {@code @Requires(property =
 * "skald.target", pattern = Targets.X)}, so the patterns are compile-time constants, written out
 * once here.
 */
public final class Targets {

  /** Every function in one process (the default). */
  public static final String ALL = "all";

  /** Every value a comma-separated {@code --target} list may hold. */
  public static final List<String> NAMES =
      List.of("all", "ingest", "chunker", "querier", "compactor");

  /** A valid {@code skald.target}: {@code all}, or a list of function names. */
  public static final String VALID =
      "all|(ingest|chunker|querier|compactor)(,(ingest|chunker|querier|compactor))*";

  /** Targets that run the push route. */
  public static final String INGEST = "(.*,)?(all|ingest)(,.*)?";

  /** Targets that run the chunker. */
  public static final String CHUNKER = "(.*,)?(all|chunker)(,.*)?";

  /** Targets that run the compactor (and the storage-events route beside it). */
  public static final String COMPACTOR = "(.*,)?(all|compactor)(,.*)?";

  /** Targets that run the querier. */
  public static final String QUERIER = "(.*,)?(all|querier)(,.*)?";

  /** Targets whose functions talk to the bus (the querier does not). */
  public static final String USES_BUS = "(.*,)?(all|ingest|chunker|compactor)(,.*)?";

  /** Targets whose functions read or write objects (push ingest does not). */
  public static final String USES_OBJECT_STORE = "(.*,)?(all|chunker|compactor|querier)(,.*)?";

  private Targets() {}
}
