package io.skald.routes.pushingest.route;

import io.skald.routes.pushingest.model.PushRequest;
import io.skald.routes.pushingest.validate.ValidatedPush;

/** The route's intermediate bodies, each carrying the tenant along. */
public final class TenantPush {

  private TenantPush() {}

  /** After decoding. */
  public record Decoded(String tenant, PushRequest request) {}

  /** After validation. */
  public record Validated(String tenant, ValidatedPush push) {}
}
