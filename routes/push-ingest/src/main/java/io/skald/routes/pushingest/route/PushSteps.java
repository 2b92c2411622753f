package io.skald.routes.pushingest.route;

import io.skald.bus.BusUnavailableException;
import io.skald.limits.TenantLimits;
import io.skald.routes.pushingest.PushException;
import io.skald.routes.pushingest.decode.PushRequestDecoder;
import io.skald.routes.pushingest.ratelimit.IngestionRateLimiter;
import io.skald.routes.pushingest.validate.PushValidator;
import io.skald.routes.pushingest.validate.ValidatedPush;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The push route's steps as plain methods, so each is testable without Camel and the route stays
 * wiring. Order as Loki's distributor: decode, validate (partial acceptance), rate-limit the
 * accepted bytes, write, answer.
 */
public final class PushSteps {

  private static final Logger LOG = LoggerFactory.getLogger(PushSteps.class);

  private final PushRequestDecoder decoder;
  private final PushValidator validator;
  private final TenantLimits limits;
  private final IngestionRateLimiter rateLimiter;
  private final LogBatchPublisher publisher;
  private final IngestMetrics metrics;

  /**
   * @param limits what each tenant's pushes are validated against
   */
  public PushSteps(
      PushRequestDecoder decoder,
      PushValidator validator,
      TenantLimits limits,
      IngestionRateLimiter rateLimiter,
      LogBatchPublisher publisher,
      IngestMetrics metrics) {
    this.decoder = decoder;
    this.validator = validator;
    this.limits = limits;
    this.rateLimiter = rateLimiter;
    this.publisher = publisher;
    this.metrics = metrics;
  }

  public TenantPush.Decoded decode(PushCall call) {
    return new TenantPush.Decoded(
        call.tenant(),
        decoder.decode(call.body(), call.contentType(), call.contentEncoding(), call.route()));
  }

  public TenantPush.Validated validate(TenantPush.Decoded decoded) {
    return new TenantPush.Validated(
        decoded.tenant(),
        validator.validate(decoded.request(), limits.forTenant(decoded.tenant())));
  }

  public TenantPush.Validated rateLimit(TenantPush.Validated v) {
    ValidatedPush push = v.push();
    try {
      rateLimiter.check(v.tenant(), push.acceptedLines(), push.acceptedBytes());
    } catch (PushException e) {
      metrics.rejected(v.tenant(), "rate_limited", push.acceptedLines());
      throw e;
    }
    return v;
  }

  public TenantPush.Validated publish(TenantPush.Validated v) {
    if (v.push().streams().isEmpty()) {
      return v;
    }
    TenantPush.Validated published = publisher.publish(v);
    metrics.accepted(v.tenant(), v.push());
    return published;
  }

  /**
   * 204 when everything was valid; 400 with Loki's grouped messages after storing the valid part.
   */
  public PushReply reply(TenantPush.Validated v) {
    return v.push().hasRejections() ? new PushReply(400, v.push().errorBody()) : PushReply.ACCEPTED;
  }

  public PushReply rejected(PushException e) {
    return new PushReply(e.status(), e.httpBody());
  }

  public PushReply unavailable(BusUnavailableException e) {
    LOG.warn("push refused, bus unavailable: {}", e.getMessage());
    return new PushReply(
        503, "the event bus is unavailable, retry later: " + e.getMessage() + "\n");
  }
}
