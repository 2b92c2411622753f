package io.skald.querier;

import io.micronaut.context.annotation.Requires;
import io.skald.logql.syntax.Expr;
import io.skald.logql.syntax.LogQL;
import io.skald.logql.syntax.LogSelectorExpr;
import io.skald.logql.syntax.Matcher;
import io.skald.logql.syntax.ParseException;
import io.skald.querier.engine.LogQueryEngine;
import io.skald.querier.engine.MetadataQueries;
import io.skald.querier.engine.PipelineFactories;
import io.skald.querier.json.LokiJson;
import io.skald.querier.params.BadRequestException;
import io.skald.querier.params.GoDuration;
import io.skald.querier.params.Params;
import io.skald.querier.params.RangeQueryRequest;
import io.skald.querier.params.TimeRange;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The query API's behaviour, free of HTTP types: validates parameters in Loki's order, runs the
 * query and renders Loki's JSON. Client mistakes surface as {@link BadRequestException}.
 */
@Singleton
@Requires(property = "skald.target", pattern = QuerierFactory.TARGETS)
public class QueryService {

  private final LogQueryEngine logs;
  private final MetadataQueries metadata;
  private final QuerierConfig limits;
  private final Clock clock;

  public QueryService(LogQueryEngine logs, MetadataQueries metadata, QuerierConfig limits, Clock clock) {
    this.logs = logs;
    this.metadata = metadata;
    this.limits = limits;
    this.clock = clock;
  }

  public byte[] queryRange(String tenant, Params params) {
    RangeQueryRequest req = RangeQueryRequest.parse(params, nowNanos());
    Expr expr = parse(req.query());
    if (!(expr instanceof LogSelectorExpr selector)) {
      throw new BadRequestException("metric queries are not supported by this Skald version yet");
    }
    validateSelector(selector);
    if (limits.maxEntriesLimitPerQuery() > 0 && req.limit() > limits.maxEntriesLimitPerQuery()) {
      throw new BadRequestException(String.format(
          "max entries limit per query exceeded, limit > max_entries_limit_per_query (%d > %d)",
          req.limit(), limits.maxEntriesLimitPerQuery()));
    }
    checkLength(req.range());
    LogQueryEngine.Result result = logs.select(tenant, selector.matchers(),
        PipelineFactories.of(selector.pipeline()), req.range(), req.limit(), req.direction(), req.interval().toNanos());
    return LokiJson.streams(result.streams(), result.stats());
  }

  public byte[] instantQuery(String tenant, Params params) {
    Expr expr = parse(params.get("query"));
    if (expr instanceof LogSelectorExpr) {
      throw new BadRequestException(
          "log queries are not supported as an instant query type, please change your query to a range query type");
    }
    throw new BadRequestException("metric queries are not supported by this Skald version yet");
  }

  public byte[] labels(String tenant, Params params) {
    TimeRange range = TimeRange.fromParams(params, nowNanos());
    return LokiJson.stringList(metadata.labelNames(tenant, range, optionalSelector(params.get("query"))));
  }

  public byte[] labelValues(String tenant, String name, Params params) {
    TimeRange range = TimeRange.fromParams(params, nowNanos());
    return LokiJson.stringList(metadata.labelValues(tenant, name, range, optionalSelector(params.get("query"))));
  }

  public byte[] series(String tenant, Params params) {
    TimeRange range = TimeRange.fromParams(params, nowNanos());
    List<String> selectors = new ArrayList<>(params.all("match[]"));
    selectors.addAll(params.all("match"));
    List<List<Matcher>> groups = new ArrayList<>();
    for (String s : selectors) {
      if (s.isBlank() || s.replace(" ", "").equals("{}")) {
        groups.clear();
        break; // "{}" means every series, like Loki
      }
      groups.add(selectorMatchers(s));
    }
    return LokiJson.series(metadata.series(tenant, range, groups));
  }

  private List<Matcher> optionalSelector(String query) {
    return query == null || query.isBlank() ? List.of() : selectorMatchers(query);
  }

  private static List<Matcher> selectorMatchers(String query) {
    Expr expr = parse(query);
    if (!(expr instanceof LogSelectorExpr s)) {
      throw new BadRequestException("only stream selectors are allowed here: " + query);
    }
    return s.matchers();
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

  private void checkLength(TimeRange range) {
    Duration max = limits.maxQueryLength();
    Duration length = Duration.ofNanos(range.endNanos() - range.startNanos());
    if (!max.isZero() && length.compareTo(max) > 0) {
      throw new BadRequestException(String.format(
          "the query time range exceeds the limit (query length: %s, limit: %s)",
          GoDuration.format(length), GoDuration.format(max)));
    }
  }

  private long nowNanos() {
    java.time.Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}
