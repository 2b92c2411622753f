package io.skald.app;

/** The functions a process can run, chosen with {@code --target}. */
public final class Targets {

  static final String VALID = "all|(ingest|chunker|querier|compactor)(,(ingest|chunker|querier|compactor))*";
  public static final String ALL = "all";
  public static final String[] NAMES = {"all", "ingest", "chunker", "querier", "compactor"};

  private Targets() {}
}
