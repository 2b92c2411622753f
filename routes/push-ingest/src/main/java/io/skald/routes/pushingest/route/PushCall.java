package io.skald.routes.pushingest.route;

import io.skald.routes.pushingest.PushRoute;

/**
 * A push request as the HTTP adapter hands it to the route: raw body plus the headers that matter.
 */
public record PushCall(
    String tenant, byte[] body, String contentType, String contentEncoding, PushRoute route) {}
