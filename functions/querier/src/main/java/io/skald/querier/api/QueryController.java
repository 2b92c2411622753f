package io.skald.querier.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.skald.health.Targets;
import io.skald.querier.QueryContext;
import io.skald.querier.QueryService;
import io.skald.querier.params.Params;
import io.skald.tenancy.TenantException;
import io.skald.tenancy.TenantResolver;
import java.util.function.BiFunction;

/**
 * Loki's query routes. Every route takes GET and POST (form body), like Loki; this class only maps
 * HTTP to {@link QueryService} and back.
 */
@Controller("/loki/api/v1")
@Requires(property = "skald.target", pattern = Targets.QUERIER)
@ExecuteOn(TaskExecutors.BLOCKING)
public class QueryController {

  static final String JSON = "application/json; charset=UTF-8";

  private final QueryService service;
  private final TenantResolver tenants;

  public QueryController(QueryService service, TenantResolver tenants) {
    this.service = service;
    this.tenants = tenants;
  }

  @Get("/query_range")
  public HttpResponse<?> queryRange(HttpRequest<?> request) {
    return answerQuery(request, null, service::queryRange);
  }

  @Post(uri = "/query_range", consumes = MediaType.ALL)
  public HttpResponse<?> queryRangePost(HttpRequest<?> request, @Nullable @Body byte[] body) {
    return answerQuery(request, body, service::queryRange);
  }

  @Get("/query")
  public HttpResponse<?> query(HttpRequest<?> request) {
    return answerQuery(request, null, service::instantQuery);
  }

  @Post(uri = "/query", consumes = MediaType.ALL)
  public HttpResponse<?> queryPost(HttpRequest<?> request, @Nullable @Body byte[] body) {
    return answerQuery(request, body, service::instantQuery);
  }

  @Get("/labels")
  public HttpResponse<?> labels(HttpRequest<?> request) {
    return answer(request, null, service::labels);
  }

  @Post(uri = "/labels", consumes = MediaType.ALL)
  public HttpResponse<?> labelsPost(HttpRequest<?> request, @Nullable @Body byte[] body) {
    return answer(request, body, service::labels);
  }

  @Get("/label/{name}/values")
  public HttpResponse<?> labelValues(HttpRequest<?> request, @PathVariable String name) {
    return answer(request, null, (tenant, p) -> service.labelValues(tenant, name, p));
  }

  @Post(uri = "/label/{name}/values", consumes = MediaType.ALL)
  public HttpResponse<?> labelValuesPost(
      HttpRequest<?> request, @PathVariable String name, @Nullable @Body byte[] body) {
    return answer(request, body, (tenant, p) -> service.labelValues(tenant, name, p));
  }

  @Get("/detected_fields")
  public HttpResponse<?> detectedFields(HttpRequest<?> request) {
    return answer(request, null, (t, p) -> service.detectedFields(t, p, null));
  }

  @Post(uri = "/detected_fields", consumes = MediaType.ALL)
  public HttpResponse<?> detectedFieldsPost(HttpRequest<?> request, @Nullable @Body byte[] body) {
    return answer(request, body, (t, p) -> service.detectedFields(t, p, null));
  }

  @Get("/detected_field/{name}/values")
  public HttpResponse<?> detectedFieldValues(HttpRequest<?> request, @PathVariable String name) {
    return answer(request, null, (t, p) -> service.detectedFields(t, p, name));
  }

  @Get("/series")
  public HttpResponse<?> series(HttpRequest<?> request) {
    return answer(request, null, service::series);
  }

  @Post(uri = "/series", consumes = MediaType.ALL)
  public HttpResponse<?> seriesPost(HttpRequest<?> request, @Nullable @Body byte[] body) {
    return answer(request, body, service::series);
  }

  private HttpResponse<?> answerQuery(
      HttpRequest<?> request, byte[] body, BiFunction<QueryContext, Params, byte[]> call) {
    return answer(
        request,
        body,
        (tenant, params) ->
            call.apply(
                new QueryContext(
                    tenant,
                    request.getHeaders().get("X-Query-Tags"),
                    request.getHeaders().get("X-Loki-Response-Encoding-Flags")),
                params));
  }

  private HttpResponse<?> answer(
      HttpRequest<?> request, byte[] body, BiFunction<String, Params, byte[]> call) {
    String tenant;
    try {
      tenant = tenants.resolve(request.getHeaders().get(TenantResolver.HEADER));
    } catch (TenantException e) {
      return PlainText.error(e.status(), e.getMessage());
    }
    Params params =
        Params.of(request.getParameters().asMap(), () -> request.getUri().getRawQuery(), body);
    return HttpResponse.ok(call.apply(tenant, params)).contentType(JSON);
  }
}
