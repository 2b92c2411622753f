package io.skald.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.skald.health.Readiness;
import java.nio.charset.StandardCharsets;

/** {@code /ready}, {@code /metrics} and build info, served by every target like Loki. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class OperationsController {

  private final PrometheusMeterRegistry registry;
  private final BuildInfo buildInfo;
  private final Readiness readiness;

  public OperationsController(
      PrometheusMeterRegistry registry, BuildInfo buildInfo, Readiness readiness) {
    this.registry = registry;
    this.buildInfo = buildInfo;
    this.readiness = readiness;
  }

  /**
   * 200 {@code ready}, or 503 listing each dependency or function that is not usable, like Loki.
   */
  @Get(uri = "/ready", produces = MediaType.TEXT_PLAIN)
  public HttpResponse<String> ready() {
    Readiness.Report report = readiness.evaluate();
    return report.ready()
        ? HttpResponse.ok(report.text())
        : HttpResponse.<String>status(HttpStatus.SERVICE_UNAVAILABLE).body(report.text());
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
