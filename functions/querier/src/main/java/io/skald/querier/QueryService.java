package io.skald.querier;

import io.micronaut.context.annotation.Requires;
import io.skald.gocompat.GoDuration;
import io.skald.gocompat.PromDuration;
import io.skald.health.Targets;
import io.skald.limits.TenantLimits;
import io.skald.logql.engine.Limits;
import io.skald.logql.engine.MetricEngine;
import io.skald.logql.engine.MetricQueryException;
import io.skald.logql.engine.MetricResult;
import io.skald.logql.engine.QueryKind;
import io.skald.logql.engine.StepAlignment;
import io.skald.logql.syntax.Expr;
import io.skald.logql.syntax.LogQL;
import io.skald.logql.syntax.LogSelectorExpr;
import io.skald.logql.syntax.ParseException;
import io.skald.logql.syntax.SampleExpr;
import io.skald.querier.engine.DetectedFields;
import io.skald.querier.engine.LogQueryEngine;
import io.skald.querier.engine.MetadataQueries;
import io.skald.querier.engine.PipelineFactories;
import io.skald.querier.engine.QueryStats;
import io.skald.querier.engine.StoreReader;
import io.skald.querier.engine.StoredSampleSource;
import io.skald.querier.json.LokiJson;
import io.skald.querier.params.BadRequestException;
import io.skald.querier.params.Params;
import io.skald.querier.params.RangeQueryRequest;
import io.skald.querier.params.SelectorParams;
import io.skald.querier.params.TimeRange;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The query API's behaviour, free of HTTP types: validates parameters in Loki's order, runs the
 * query and renders Loki's JSON. Client mistakes surface as {@link BadRequestException}.
 */
@Singleton
@Requires(property = "skald.target", pattern = Targets.QUERIER)
public class QueryService {

  private final LogQueryEngine logs;
  private final StoreReader reader;
  private final MetadataQueries metadata;
  private final TenantLimits limits;
  private final Clock clock;

  public QueryService(
      LogQueryEngine logs,
      StoreReader reader,
      MetadataQueries metadata,
      TenantLimits limits,
      Clock clock) {
    this.logs = logs;
    this.reader = reader;
    this.metadata = metadata;
    this.limits = limits;
    this.clock = clock;
  }

  public byte[] queryRange(QueryContext ctx, Params params) {
    String tenant = ctx.tenant();
    var tenantLimits = limits.forTenant(tenant);
    RangeQueryRequest req = RangeQueryRequest.parse(params, nowNanos());
    Expr expr = parse(req.query());
    if (expr instanceof SampleExpr sample) {
      checkLength(req.range(), tenantLimits.maxQueryLength());
      long step = req.step().toNanos();
      StepAlignment.Range aligned =
          StepAlignment.align(req.range().startNanos(), req.range().endNanos(), step);
      return metric(
          ctx,
          stats ->
              engine(tenant, stats)
                  .evaluate(
                      sample,
                      aligned.startNanos(),
                      aligned.endNanos(),
                      step,
                      QueryKind.RANGE,
                      limitsFor(ctx),
                      stats.warnings::add));
    }
    LogSelectorExpr selector = (LogSelectorExpr) expr;
    validateSelector(selector);
    int maxEntries = tenantLimits.maxEntriesLimitPerQuery();
    if (maxEntries > 0 && req.limit() > maxEntries) {
      throw new BadRequestException(
          String.format(
              "max entries limit per query exceeded, limit > max_entries_limit_per_query (%d > %d)",
              req.limit(), maxEntries));
    }
    checkLength(req.range(), tenantLimits.maxQueryLength());
    LogQueryEngine.Result result =
        logs.select(
            new LogQueryEngine.Request(
                tenant,
                selector.matchers(),
                PipelineFactories.of(selector.pipeline(), ctx.categorizeLabels()),
                req.range(),
                req.limit(),
                req.direction(),
                req.interval().toNanos(),
                deadline(tenant)));
    return LokiJson.streams(result.streams(), result.stats(), ctx.categorizeLabels());
  }

  public byte[] instantQuery(QueryContext ctx, Params params) {
    long time = TimeRange.timestamp(params, "time", nowNanos());
    Expr expr = parse(params.get("query"));
    if (!(expr instanceof SampleExpr sample)) {
      throw new BadRequestException(
          "log queries are not supported as an instant query type, please change your query to a range query type");
    }
    return metric(ctx, stats -> engine(ctx.tenant(), stats).instant(sample, time, limitsFor(ctx)));
  }

  private interface Evaluation {
    MetricResult run(QueryStats stats);
  }

  private byte[] metric(QueryContext ctx, Evaluation evaluation) {
    long started = System.nanoTime();
    QueryStats stats = new QueryStats();
    stats.deadlineNanos = deadline(ctx.tenant());
    MetricResult result;
    try {
      result = evaluation.run(stats);
    } catch (MetricQueryException e) {
      // Loki answers vector-matching failures with 500; they come from the query, so Skald says
      // 400.
      throw new BadRequestException(e.getMessage());
    }
    stats.execNanos = System.nanoTime() - started;
    return LokiJson.metric(result, stats.warnings, stats);
  }

  private MetricEngine engine(String tenant, QueryStats stats) {
    return new MetricEngine(new StoredSampleSource(reader, tenant, stats));
  }

  /**
   * The engine's limits for the tenant; Logs Drilldown gets partial results at the series limit.
   */
  private Limits limitsFor(QueryContext ctx) {
    Limits engine = new Limits(limits.forTenant(ctx.tenant()).maxQuerySeries());
    return Limits.isLogsDrilldownRequest(ctx.queryTags()) ? engine.withPartialResults() : engine;
  }

  /** {@code detected_fields}, or the values of one field when {@code fieldName} is set. */
  public byte[] detectedFields(String tenant, Params params, String fieldName) {
    String query = params.get("query");
    if (query.isBlank()) {
      throw new BadRequestException("query is required");
    }
    Expr expr = parse(query);
    if (!(expr instanceof LogSelectorExpr selector)) {
      throw new BadRequestException("only log queries are allowed here: " + query);
    }
    TimeRange range = TimeRange.fromParams(params, nowNanos());
    int lineLimit = positive(params, "line_limit", 1000);
    int limit = positive(params, params.get("limit").isEmpty() ? "field_limit" : "limit", 1000);
    LogQueryEngine.Result result =
        logs.select(
            tenant,
            selector.matchers(),
            PipelineFactories.of(selector.pipeline(), true),
            range,
            lineLimit,
            io.skald.querier.params.Direction.BACKWARD);
    DetectedFields detected = new DetectedFields(fieldName == null ? limit : Integer.MAX_VALUE);
    result.streams().forEach(detected::add);
    if (fieldName == null) {
      return LokiJson.detectedFields(detected.fields(), limit);
    }
    List<String> values =
        detected.fields().stream()
            .filter(f -> f.name.equals(fieldName))
            .flatMap(f -> f.values.stream())
            .limit(limit)
            .toList();
    return LokiJson.detectedFieldValues(values, limit);
  }

  private static int positive(Params p, String name, int def) {
    String v = p.get(name);
    if (v.isEmpty()) {
      return def;
    }
    try {
      int n = Integer.parseInt(v);
      if (n <= 0) {
        throw new BadRequestException("limit must be a positive value");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BadRequestException("strconv.Atoi: parsing \"" + v + "\": invalid syntax");
    }
  }

  public byte[] labels(String tenant, Params params) {
    TimeRange range = TimeRange.fromParams(params, nowNanos());
    return LokiJson.stringList(
        metadata.labelNames(tenant, range, SelectorParams.optional(params.get("query"))));
  }

  public byte[] labelValues(String tenant, String name, Params params) {
    TimeRange range = TimeRange.fromParams(params, nowNanos());
    return LokiJson.stringList(
        metadata.labelValues(tenant, name, range, SelectorParams.optional(params.get("query"))));
  }

  public byte[] series(String tenant, Params params) {
    TimeRange range = TimeRange.fromParams(params, nowNanos());
    return LokiJson.series(metadata.series(tenant, range, SelectorParams.seriesGroups(params)));
  }

  private static Expr parse(String query) {
    try {
      return LogQL.parse(query);
    } catch (ParseException e) {
      throw new BadRequestException(e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("parse error : " + e.getMessage());
    }
  }

  private static void validateSelector(LogSelectorExpr selector) {
    try {
      selector.selector().validate();
    } catch (ParseException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  private static void checkLength(TimeRange range, Duration max) {
    Duration length = Duration.ofNanos(range.endNanos() - range.startNanos());
    if (!max.isZero() && length.compareTo(max) > 0) {
      throw new BadRequestException(
          String.format(
              "the query time range exceeds the limit (query length: %s, limit: %s)",
              GoDuration.format(length), PromDuration.format(max)));
    }
  }

  private long deadline(String tenant) {
    return System.nanoTime() + limits.forTenant(tenant).queryTimeout().toNanos();
  }

  private long nowNanos() {
    java.time.Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}
