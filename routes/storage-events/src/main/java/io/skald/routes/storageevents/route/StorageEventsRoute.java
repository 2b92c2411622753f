package io.skald.routes.storageevents.route;

import org.apache.camel.builder.RouteBuilder;

/**
 * S3 bucket notification → {@code ObjectCreated} on the storage-events topic, or the notification
 * on the dead-letter topic with its reason. Wiring only; the steps are {@link NotificationSteps}.
 * Input is a {@code BusRecord} handed over by {@link BusFeed}. Exceptions (the bus could not make
 * something durable) go back to the feed, which re-reads.
 */
public final class StorageEventsRoute extends RouteBuilder {

  public static final String ENDPOINT = "direct:s3-notification";
  public static final String ROUTE_ID = "storage-events";

  private final NotificationSteps steps;

  public StorageEventsRoute(NotificationSteps steps) {
    this.steps = steps;
  }

  @Override
  public void configure() {
    from(ENDPOINT)
        .routeId(ROUTE_ID)
        .bean(steps, "normalise")
        .bean(steps, "publish")
        .bean(steps, "deadLetter");
  }
}
