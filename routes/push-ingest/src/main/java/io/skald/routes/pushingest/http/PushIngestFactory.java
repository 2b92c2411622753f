package io.skald.routes.pushingest.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.skald.bus.Bus;
import io.skald.health.ReadinessCheck;
import io.skald.health.Targets;
import io.skald.limits.TenantLimits;
import io.skald.routes.pushingest.decode.PushRequestDecoder;
import io.skald.routes.pushingest.ratelimit.IngestionRateLimiter;
import io.skald.routes.pushingest.route.IngestMetrics;
import io.skald.routes.pushingest.route.LogBatchPublisher;
import io.skald.routes.pushingest.route.PushIngestRoute;
import io.skald.routes.pushingest.route.PushSteps;
import io.skald.routes.pushingest.validate.PushValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/** Builds the Camel context that runs the push route, and the route's steps. */
@Factory
@Requires(property = "skald.target", pattern = Targets.INGEST)
public class PushIngestFactory {

  @Singleton
  PushSteps pushSteps(
      Bus bus, IngestConfig config, TenantLimits limits, Clock clock, MeterRegistry meters) {
    return new PushSteps(
        new PushRequestDecoder(),
        new PushValidator(limits.global(), clock),
        limits,
        new IngestionRateLimiter(clock, limits),
        new LogBatchPublisher(bus.producer(), config.topic(), clock),
        new IngestMetrics(meters));
  }

  @Singleton
  @Bean(preDestroy = "close")
  CamelContext camelContext(PushSteps steps) throws Exception {
    DefaultCamelContext camel = new DefaultCamelContext();
    camel.getCamelContextExtension().setName("skald-ingest");
    camel.addRoutes(new PushIngestRoute(steps));
    camel.start();
    return camel;
  }

  /** The push route serves only while its Camel context runs (the bus is checked by the app). */
  @Singleton
  @Named("ingest")
  ReadinessCheck ingestReadiness(CamelContext camel) {
    return ReadinessCheck.of(
        "ingest",
        () -> {
          if (!camel.isStarted()) {
            throw new IllegalStateException("the push route is " + camel.getStatus());
          }
        });
  }

  @Singleton
  @Bean(preDestroy = "close")
  ProducerTemplate producerTemplate(CamelContext camel) {
    return camel.createProducerTemplate();
  }
}
