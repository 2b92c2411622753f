package io.skald.compactor.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.skald.compactor.CompactionSettings;
import io.skald.deletes.DeleteApiException;
import io.skald.deletes.DeleteRequestStore;
import io.skald.deletes.DeletionConfig;
import io.skald.deletes.DeletionMode;
import io.skald.health.Targets;
import io.skald.logql.syntax.QueryText;
import io.skald.tenancy.TenantException;
import io.skald.tenancy.TenantResolver;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /loki/api/v1/delete} (contract §3.14), served by the compactor target while retention is
 * enabled, as in Loki. Parameters come from the query string; errors are plain text.
 */
@Controller("/loki/api/v1/delete")
@Requires(property = "skald.target", pattern = Targets.COMPACTOR)
@Requires(property = "skald.compactor.retention-enabled", notEquals = "false")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DeleteRequestController {

  private final DeleteRequestApi api;
  private final TenantResolver tenants;

  public DeleteRequestController(
      DeleteRequestStore store,
      DeletionConfig config,
      CompactionSettings settings,
      TenantResolver tenants,
      Clock clock) {
    this.api =
        new DeleteRequestApi(store, config, DeletionMode.parse(settings.deletionMode()), clock);
    this.tenants = tenants;
  }

  @Post(consumes = MediaType.ALL)
  public HttpResponse<String> add(HttpRequest<?> request) {
    return call(
        request,
        (tenant, params) -> {
          api.add(tenant, params);
          return null;
        });
  }

  @Put(consumes = MediaType.ALL)
  public HttpResponse<String> put(HttpRequest<?> request) {
    return add(request);
  }

  @Get
  public HttpResponse<String> list(HttpRequest<?> request) {
    return call(request, api::list);
  }

  @Delete(consumes = MediaType.ALL)
  public HttpResponse<String> cancel(HttpRequest<?> request) {
    return call(
        request,
        (tenant, params) -> {
          api.cancel(tenant, params);
          return null;
        });
  }

  @FunctionalInterface
  private interface Call {
    String apply(String tenant, Map<String, String> params) throws DeleteApiException, IOException;
  }

  private HttpResponse<String> call(HttpRequest<?> request, Call call) {
    try {
      String tenant = tenants.resolve(request.getHeaders().get(TenantResolver.HEADER));
      String body = call.apply(tenant, params(request));
      return body == null
          ? HttpResponse.noContent()
          : HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE);
    } catch (TenantException e) {
      return text(e.status(), e.getMessage());
    } catch (DeleteApiException e) {
      return text(e.status(), e.getMessage());
    } catch (IOException e) {
      return text(500, e.getMessage());
    }
  }

  /** The query string only, as Loki reads it; bytes that are not UTF-8 fail the query's parse. */
  private static Map<String, String> params(HttpRequest<?> request) {
    Map<String, String> out = new LinkedHashMap<>();
    Map<String, List<String>> query =
        QueryText.queryParameters(
            request.getParameters().asMap(), () -> request.getUri().getRawQuery());
    for (Map.Entry<String, List<String>> e : query.entrySet()) {
      if (!e.getValue().isEmpty()) {
        out.put(e.getKey(), e.getValue().get(0));
      }
    }
    return out;
  }

  private static HttpResponse<String> text(int status, String message) {
    return HttpResponse.<String>status(HttpStatus.valueOf(status))
        .body(message + "\n")
        .contentType("text/plain; charset=utf-8");
  }
}
