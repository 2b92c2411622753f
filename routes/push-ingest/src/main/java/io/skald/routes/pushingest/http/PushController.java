package io.skald.routes.pushingest.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.skald.health.Targets;
import io.skald.routes.pushingest.PushRoute;
import io.skald.routes.pushingest.route.PushCall;
import io.skald.routes.pushingest.route.PushIngestRoute;
import io.skald.routes.pushingest.route.PushReply;
import io.skald.tenancy.TenantException;
import io.skald.tenancy.TenantResolver;
import org.apache.camel.ProducerTemplate;

/**
 * The HTTP front of the push route (ADR 0001): hands the raw request to the Camel route and maps
 * its reply to HTTP. No decoding or validation happens here.
 */
@Controller
@Requires(property = "skald.target", pattern = Targets.INGEST)
@ExecuteOn(TaskExecutors.BLOCKING)
public class PushController {

  private final ProducerTemplate camel;
  private final TenantResolver tenants;

  public PushController(ProducerTemplate camel, TenantResolver tenants) {
    this.camel = camel;
    this.tenants = tenants;
  }

  @Post(uri = "/loki/api/v1/push", consumes = MediaType.ALL)
  public HttpResponse<String> push(HttpRequest<?> request, @Nullable @Body byte[] body) {
    return handle(request, body, PushRoute.V1);
  }

  @Post(uri = "/api/prom/push", consumes = MediaType.ALL)
  public HttpResponse<String> legacyPush(HttpRequest<?> request, @Nullable @Body byte[] body) {
    return handle(request, body, PushRoute.LEGACY);
  }

  private HttpResponse<String> handle(HttpRequest<?> request, byte[] body, PushRoute route) {
    String tenant;
    try {
      tenant = tenants.resolve(request.getHeaders().get(TenantResolver.HEADER));
    } catch (TenantException e) {
      return text(e.status(), e.getMessage() + "\n");
    }
    PushCall call =
        new PushCall(
            tenant,
            body == null ? new byte[0] : body,
            request.getHeaders().get(HttpHeaders.CONTENT_TYPE),
            request.getHeaders().get(HttpHeaders.CONTENT_ENCODING),
            route);
    PushReply reply = camel.requestBody(PushIngestRoute.ENDPOINT, call, PushReply.class);
    return reply.status() == 204 ? HttpResponse.noContent() : text(reply.status(), reply.body());
  }

  private static HttpResponse<String> text(int status, String body) {
    return HttpResponse.<String>status(HttpStatus.valueOf(status))
        .body(body)
        .contentType("text/plain; charset=utf-8");
  }
}
