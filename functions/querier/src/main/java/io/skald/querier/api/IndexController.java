package io.skald.querier.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.skald.health.Targets;
import io.skald.querier.IndexService;
import io.skald.querier.params.Params;
import io.skald.tenancy.TenantException;
import io.skald.tenancy.TenantResolver;
import java.util.function.BiFunction;

/** Index-only routes used by Grafana's data source and Logs Drilldown; GET and POST like Loki. */
@Controller("/loki/api/v1")
@Requires(property = "skald.target", pattern = Targets.QUERIER)
@ExecuteOn(TaskExecutors.BLOCKING)
public class IndexController {

  private final IndexService service;
  private final TenantResolver tenants;
  private final String version;

  public IndexController(IndexService service, TenantResolver tenants) {
    this.service = service;
    this.tenants = tenants;
    this.version = "3.5.0+skald";
  }

  @Get("/index/stats")
  public HttpResponse<?> stats(HttpRequest<?> r) {
    return answer(r, null, service::indexStats);
  }

  @Post(uri = "/index/stats", consumes = MediaType.ALL)
  public HttpResponse<?> statsPost(HttpRequest<?> r, @Nullable @Body byte[] body) {
    return answer(r, body, service::indexStats);
  }

  @Get("/index/volume")
  public HttpResponse<?> volume(HttpRequest<?> r) {
    return answer(r, null, (t, p) -> service.volume(t, p, false));
  }

  @Post(uri = "/index/volume", consumes = MediaType.ALL)
  public HttpResponse<?> volumePost(HttpRequest<?> r, @Nullable @Body byte[] body) {
    return answer(r, body, (t, p) -> service.volume(t, p, false));
  }

  @Get("/index/volume_range")
  public HttpResponse<?> volumeRange(HttpRequest<?> r) {
    return answer(r, null, (t, p) -> service.volume(t, p, true));
  }

  @Post(uri = "/index/volume_range", consumes = MediaType.ALL)
  public HttpResponse<?> volumeRangePost(HttpRequest<?> r, @Nullable @Body byte[] body) {
    return answer(r, body, (t, p) -> service.volume(t, p, true));
  }

  @Get("/detected_labels")
  public HttpResponse<?> detectedLabels(HttpRequest<?> r) {
    return answer(r, null, service::detectedLabels);
  }

  @Post(uri = "/detected_labels", consumes = MediaType.ALL)
  public HttpResponse<?> detectedLabelsPost(HttpRequest<?> r, @Nullable @Body byte[] body) {
    return answer(r, body, service::detectedLabels);
  }

  @Get("/patterns")
  public HttpResponse<?> patterns(HttpRequest<?> r) {
    return answer(r, null, (t, p) -> service.patterns(p));
  }

  @Post(uri = "/patterns", consumes = MediaType.ALL)
  public HttpResponse<?> patternsPost(HttpRequest<?> r, @Nullable @Body byte[] body) {
    return answer(r, body, (t, p) -> service.patterns(p));
  }

  @Get("/drilldown-limits")
  public HttpResponse<?> drilldownLimits(HttpRequest<?> r) {
    return answer(r, null, (t, p) -> service.drilldownLimits(t, version));
  }

  @Get("/format_query")
  public HttpResponse<?> formatQuery(HttpRequest<?> r) {
    return format(r, null);
  }

  @Post(uri = "/format_query", consumes = MediaType.ALL)
  public HttpResponse<?> formatQueryPost(HttpRequest<?> r, @Nullable @Body byte[] body) {
    return format(r, body);
  }

  private HttpResponse<?> format(HttpRequest<?> r, byte[] body) {
    try {
      return HttpResponse.ok(service.formatQuery(params(r, body)))
          .contentType(QueryController.JSON);
    } catch (IndexService.FormatQueryException e) {
      return HttpResponse.status(HttpStatus.BAD_REQUEST)
          .body(e.body())
          .contentType(QueryController.JSON);
    }
  }

  private HttpResponse<?> answer(
      HttpRequest<?> r, byte[] body, BiFunction<String, Params, byte[]> call) {
    String tenant;
    try {
      tenant = tenants.resolve(r.getHeaders().get(TenantResolver.HEADER));
    } catch (TenantException e) {
      return PlainText.error(e.status(), e.getMessage());
    }
    return HttpResponse.ok(call.apply(tenant, params(r, body))).contentType(QueryController.JSON);
  }

  static Params params(HttpRequest<?> r, byte[] body) {
    return Params.of(r.getParameters().asMap(), () -> r.getUri().getRawQuery(), body);
  }
}
