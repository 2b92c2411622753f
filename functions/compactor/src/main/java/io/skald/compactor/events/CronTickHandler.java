package io.skald.compactor.events;

import io.cloudevents.CloudEvent;
import io.skald.compactor.catchup.IndexCatchUp;
import io.skald.events.v1.CronTick;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /events/cron}: turns the PingSource's CloudEvent into a {@link CronTick} and runs the
 * periodic work (the compactor's sweep, see {@code CompactorEventsFactory}); the tick's kind is
 * logged so kinds with work of their own can be told apart later.
 */
public final class CronTickHandler {

  private static final Logger LOG = LoggerFactory.getLogger(CronTickHandler.class);

  /** The periodic work; returns a one-line summary. */
  @FunctionalInterface
  public interface Work {
    String run() throws IOException;
  }

  private final Work work;
  private final Clock clock;

  /** Ticks that only heal lost events. */
  public CronTickHandler(IndexCatchUp catchUp, Clock clock) {
    this(
        () -> {
          IndexCatchUp.Result r = catchUp.run();
          return "caught up: "
              + r.indexed()
              + " segments indexed in "
              + r.tenantDays()
              + " tenant-days"
              + (r.failedTenantDays() > 0 ? ", " + r.failedTenantDays() + " failed" : "");
        },
        clock);
  }

  /** Ticks that run {@code work} (the compactor's sweep: catch-up, merge, retention, deletes). */
  public CronTickHandler(Work work, Clock clock) {
    this.work = work;
    this.clock = clock;
  }

  public EventReply handle(Map<String, List<String>> headers, byte[] body) {
    CronTick tick;
    try {
      CloudEvent event = CloudEventRequests.read(headers, body);
      tick = CronTicks.decode(event, clock);
    } catch (InvalidEventException e) {
      return EventReply.invalid(e.getMessage());
    }
    return handle(tick);
  }

  public EventReply handle(CronTick tick) {
    try {
      String summary = work.run();
      LOG.info(
          "cron tick {} scheduled at {}: {}",
          tick.getKind(),
          Instant.ofEpochMilli(tick.getScheduledAtMillis()),
          summary);
      return EventReply.handled(summary);
    } catch (IOException e) {
      LOG.warn("cron tick {} not handled, Knative will retry: {}", tick.getKind(), e.toString());
      return EventReply.unavailable("cannot catch up now: " + e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("cron tick {} failed", tick.getKind(), e);
      return EventReply.failed("catch-up failed: " + e.getMessage());
    }
  }
}
