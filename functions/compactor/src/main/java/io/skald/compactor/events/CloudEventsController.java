package io.skald.compactor.events;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
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

/**
 * The compactor's CloudEvents endpoints for Knative (KafkaSource, PingSource or Broker Triggers).
 * Thin: hands headers and body to the handlers and maps their reply to HTTP.
 */
@Controller
@Requires(property = "skald.target", pattern = Targets.COMPACTOR)
@ExecuteOn(TaskExecutors.BLOCKING)
public class CloudEventsController {

  /** Response header carrying what happened to the event (the body of a 2xx must stay empty). */
  public static final String OUTCOME_HEADER = "Skald-Outcome";

  private final StorageEventHandler storage;
  private final CronTickHandler cron;

  public CloudEventsController(StorageEventHandler storage, CronTickHandler cron) {
    this.storage = storage;
    this.cron = cron;
  }

  @Post(uri = "/events/storage", consumes = MediaType.ALL)
  public HttpResponse<String> storage(HttpRequest<?> request, @Nullable @Body byte[] body) {
    return http(storage.handle(request.getHeaders().asMap(), body));
  }

  @Post(uri = "/events/cron", consumes = MediaType.ALL)
  public HttpResponse<String> cron(HttpRequest<?> request, @Nullable @Body byte[] body) {
    return http(cron.handle(request.getHeaders().asMap(), body));
  }

  private static HttpResponse<String> http(EventReply reply) {
    String outcome = headerSafe(reply.outcome());
    if (reply.ok()) {
      return HttpResponse.<String>status(HttpStatus.valueOf(reply.status()))
          .header(OUTCOME_HEADER, outcome);
    }
    // Knative copies an error body into a header of the dead-lettered event: one plain line.
    return HttpResponse.<String>status(HttpStatus.valueOf(reply.status()))
        .header(OUTCOME_HEADER, outcome)
        .contentType(MediaType.TEXT_PLAIN_TYPE)
        .body(outcome);
  }

  /** Printable ASCII only, bounded: header values cannot carry line breaks or arbitrary bytes. */
  static String headerSafe(String s) {
    StringBuilder b = new StringBuilder(Math.min(s.length(), 512));
    for (int i = 0; i < s.length() && b.length() < 512; i++) {
      char c = s.charAt(i);
      b.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return b.toString();
  }
}
