package io.skald.routes.pushingest.route;

import io.skald.bus.BusUnavailableException;
import io.skald.routes.pushingest.PushException;
import org.apache.camel.builder.RouteBuilder;

/**
 * The push ingest flow: decode → validate → rate-limit → publish (durable) → reply. Wiring only;
 * every step is a method of {@link PushSteps}.
 */
public final class PushIngestRoute extends RouteBuilder {

  public static final String ENDPOINT = "direct:loki-push";

  private final PushSteps steps;

  public PushIngestRoute(PushSteps steps) {
    this.steps = steps;
  }

  @Override
  public void configure() {
    onException(PushException.class).handled(true).bean(steps, "rejected(${exception})");
    onException(BusUnavailableException.class)
        .handled(true)
        .bean(steps, "unavailable(${exception})");

    from(ENDPOINT)
        .routeId("loki-push")
        .bean(steps, "decode")
        .bean(steps, "validate")
        .bean(steps, "rateLimit")
        .bean(steps, "publish")
        .bean(steps, "reply");
  }
}
