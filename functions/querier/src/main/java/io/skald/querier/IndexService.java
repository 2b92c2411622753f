package io.skald.querier;

import io.micronaut.context.annotation.Requires;
import io.skald.gocompat.PromDuration;
import io.skald.health.Targets;
import io.skald.labels.Matcher;
import io.skald.limits.TenantLimits;
import io.skald.logql.syntax.LogQL;
import io.skald.logql.syntax.ParseException;
import io.skald.querier.engine.DetectedLabels;
import io.skald.querier.engine.VolumeQueries;
import io.skald.querier.json.LokiJson;
import io.skald.querier.params.BadRequestException;
import io.skald.querier.params.Params;
import io.skald.querier.params.RangeQueryRequest;
import io.skald.querier.params.SelectorParams;
import io.skald.querier.params.TimeRange;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The index-only endpoints Grafana and Logs Drilldown call besides queries: index stats, volumes,
 * detected labels, patterns (off), drilldown limits and format_query.
 */
@Singleton
@Requires(property = "skald.target", pattern = Targets.QUERIER)
public class IndexService {

  static final int DEFAULT_VOLUME_LIMIT = 100;

  private final VolumeQueries volumes;
  private final TenantLimits limits;
  private final Clock clock;

  public IndexService(VolumeQueries volumes, TenantLimits limits, Clock clock) {
    this.volumes = volumes;
    this.limits = limits;
    this.clock = clock;
  }

  public byte[] indexStats(String tenant, Params p) {
    return LokiJson.indexStats(
        volumes.stats(
            tenant, TimeRange.fromParams(p, now()), SelectorParams.required(p.get("query"))));
  }

  public byte[] volume(String tenant, Params p, boolean range) {
    TimeRange r = TimeRange.fromParams(p, now());
    List<Matcher> matchers = SelectorParams.required(p.get("query"));
    int limit = p.get("limit").isEmpty() ? DEFAULT_VOLUME_LIMIT : parseLimit(p.get("limit"));
    List<String> targets =
        p.get("targetLabels").isBlank()
            ? List.of()
            : Arrays.stream(p.get("targetLabels").split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    String aggregateBy = p.get("aggregateBy");
    if (!aggregateBy.isEmpty() && !aggregateBy.equals("series") && !aggregateBy.equals("labels")) {
      throw new BadRequestException("invalid aggregation option");
    }
    long step = 0;
    if (range) {
      step =
          p.get("step").isEmpty()
              ? Math.max(1, (r.endNanos() - r.startNanos()) / 1_000_000_000L / 250) * 1_000_000_000L
              : RangeQueryRequest.secondsOrDuration(p.get("step")).toNanos();
      if (step <= 0) {
        throw new BadRequestException(
            "zero or negative query resolution step widths are not accepted. Try a positive integer");
      }
    }
    return LokiJson.volumes(
        volumes.volumes(
            tenant,
            r,
            matchers,
            targets,
            aggregateBy.equals("labels"),
            step,
            Math.min(limit, limits.forTenant(tenant).volumeMaxSeries())),
        range,
        r.endNanos());
  }

  public byte[] detectedLabels(String tenant, Params p) {
    TimeRange r = TimeRange.fromParams(p, now());
    return LokiJson.detectedLabels(
        DetectedLabels.select(
            volumes.labelValues(tenant, r, SelectorParams.optional(p.get("query")))));
  }

  public byte[] patterns(Params p) {
    SelectorParams.required(p.get("query"));
    return LokiJson.noPatterns();
  }

  /** The tenant's limits Logs Drilldown reads, under Loki's names. */
  public byte[] drilldownLimits(String tenant, String version) {
    var tenantLimits = limits.forTenant(tenant);
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("discover_log_levels", tenantLimits.discoverLogLevels());
    l.put("discover_service_name", tenantLimits.discoverServiceName());
    l.put("log_level_fields", tenantLimits.logLevelFields());
    l.put("max_entries_limit_per_query", tenantLimits.maxEntriesLimitPerQuery());
    l.put("max_line_size_truncate", tenantLimits.maxLineSizeTruncate());
    l.put("max_query_bytes_read", "0B");
    l.put("max_query_length", PromDuration.format(tenantLimits.maxQueryLength()));
    l.put("max_query_lookback", "0s");
    l.put("max_query_range", "0s");
    l.put("max_query_series", tenantLimits.maxQuerySeries());
    l.put("metric_aggregation_enabled", false);
    l.put("pattern_persistence_enabled", false);
    l.put("query_timeout", PromDuration.format(tenantLimits.queryTimeout()));
    l.put("retention_period", "0s");
    l.put("volume_enabled", true);
    l.put("volume_max_series", tenantLimits.volumeMaxSeries());
    return LokiJson.drilldownLimits(l, version);
  }

  public byte[] formatQuery(Params p) {
    try {
      return LokiJson.formatQuery(LogQL.parse(p.get("query")).toString(), null);
    } catch (ParseException e) {
      throw new FormatQueryException(LokiJson.formatQuery(null, e.getMessage()));
    }
  }

  /** format_query answers errors as JSON, unlike every other query route. */
  public static final class FormatQueryException extends RuntimeException {
    private final byte[] body;

    FormatQueryException(byte[] body) {
      super("invalid query");
      this.body = body;
    }

    public byte[] body() {
      return body.clone();
    }
  }

  private static int parseLimit(String text) {
    try {
      int l = Integer.parseInt(text);
      if (l <= 0) {
        throw new BadRequestException("limit must be a positive value");
      }
      return l;
    } catch (NumberFormatException e) {
      throw new BadRequestException("strconv.Atoi: parsing \"" + text + "\": invalid syntax");
    }
  }

  private long now() {
    java.time.Instant n = clock.instant();
    return n.getEpochSecond() * 1_000_000_000L + n.getNano();
  }
}
