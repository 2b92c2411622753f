package io.skald.logql.engine;

/**
 * Per-query limits the engine enforces.
 *
 * @param maxQuerySeries Loki's {@code max_query_series} (default 500): more distinct series in the
 *     final result fails the query with HTTP 400; 0 or less disables the check
 * @param partialResultsOnSeriesLimit Loki's behaviour for Logs Drilldown requests (see {@link
 *     #isLogsDrilldownRequest}): instead of failing, keep what was collected before the limit and
 *     report the warning {@code maximum number of series (N) reached for a single query; returning
 *     partial results}
 */
public record Limits(int maxQuerySeries, boolean partialResultsOnSeriesLimit) {
  /** Skald's default {@code max_query_series} (Loki's 500), without partial results. */
  public static final Limits DEFAULT = new Limits(io.skald.limits.Limits.DEFAULTS.maxQuerySeries());

  /** Loki refuses range queries with more than this many steps per series. */
  public static final long MAX_POINTS_PER_SERIES = 11_000;

  static final String STEP_TOO_SMALL =
      "exceeded maximum resolution of 11,000 points per time series. "
          + "Try increasing the value of the step parameter";

  private static final String LOGS_DRILLDOWN_APP = "grafana-lokiexplore-app";

  public Limits(int maxQuerySeries) {
    this(maxQuerySeries, false);
  }

  /** The same limits with Logs Drilldown's partial results. */
  public Limits withPartialResults() {
    return new Limits(maxQuerySeries, true);
  }

  /**
   * Loki's {@code IsLogsDrilldownRequest}: the {@code X-Query-Tags} header (for example {@code
   * Source=grafana-lokiexplore-app,Feature=patterns}) has the key {@code source} (any case) with
   * the value {@code grafana-lokiexplore-app} (any case).
   */
  public static boolean isLogsDrilldownRequest(String queryTagsHeader) {
    if (queryTagsHeader == null) {
      return false;
    }
    // Loki first replaces characters outside [a-zA-Z0-9-=.@, ] by "_".
    String tags = queryTagsHeader.replaceAll("[^a-zA-Z0-9\\-=.@, ]+", "_");
    for (String tok : tags.split(",")) {
      String[] kv =
          java.util.Arrays.stream(tok.split("=")).filter(s -> !s.isEmpty()).toArray(String[]::new);
      if (kv.length == 2
          && kv[0].equalsIgnoreCase("source")
          && kv[1].equalsIgnoreCase(LOGS_DRILLDOWN_APP)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Loki's resolution check for {@code query_range} ({@code pkg/loghttp/query.go}): {@code (end -
   * start) / step > 11000} is refused with HTTP 400. Loki runs it while parsing the request
   * parameters, before step alignment, so call it on the raw values.
   *
   * @throws MetricQueryException {@code exceeded maximum resolution of 11,000 points per time
   *     series. Try increasing the value of the step parameter}
   */
  public static void checkResolution(long startNanos, long endNanos, long stepNanos) {
    if (stepNanos > 0 && (endNanos - startNanos) / stepNanos > MAX_POINTS_PER_SERIES) {
      throw new MetricQueryException(MetricQueryException.Reason.BAD_REQUEST, STEP_TOO_SMALL);
    }
  }
}
