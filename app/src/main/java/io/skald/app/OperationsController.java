package io.skald.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.nio.charset.StandardCharsets;

/** {@code /ready}, {@code /metrics} and build info, served by every target like Loki. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class OperationsController {

  private final PrometheusMeterRegistry registry;
  private final BuildInfo buildInfo;

  public OperationsController(PrometheusMeterRegistry registry, BuildInfo buildInfo) {
    this.registry = registry;
    this.buildInfo = buildInfo;
  }

  @Get(uri = "/ready", produces = MediaType.TEXT_PLAIN)
  public HttpResponse<String> ready() {
    return HttpResponse.ok("ready\n");
  }

  @Get(uri = "/metrics", produces = "text/plain; version=0.0.4; charset=utf-8")
  public HttpResponse<byte[]> metrics() {
    return HttpResponse.ok(registry.scrape().getBytes(StandardCharsets.UTF_8));
  }

  @Get(uri = "/loki/api/v1/status/buildinfo", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<byte[]> buildinfo() {
    return HttpResponse.ok(buildInfo.json());
  }
}
