package io.skald.routes.pushingest.route;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.skald.routes.pushingest.validate.Rejection;
import io.skald.routes.pushingest.validate.ValidatedPush;

/** The distributor metrics Loki users chart, under Loki's names. */
public final class IngestMetrics {

  private final MeterRegistry registry;

  public IngestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void accepted(String tenant, ValidatedPush push) {
    counter("loki.distributor.lines.received", tenant).increment(push.acceptedLines());
    counter("loki.distributor.bytes.received", tenant).increment(push.acceptedBytes());
    for (Rejection r : push.rejections()) {
      Counter.builder("loki.discarded.samples")
          .tag("tenant", tenant)
          .tag("reason", r.reason().code())
          .register(registry)
          .increment(r.entries());
    }
  }

  void rejected(String tenant, String reason, long lines) {
    Counter.builder("loki.discarded.samples")
        .tag("tenant", tenant)
        .tag("reason", reason)
        .register(registry)
        .increment(lines);
  }

  private Counter counter(String name, String tenant) {
    return Counter.builder(name).tag("tenant", tenant).register(registry);
  }
}
