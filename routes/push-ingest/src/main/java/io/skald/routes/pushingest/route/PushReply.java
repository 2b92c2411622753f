package io.skald.routes.pushingest.route;

/** What the route answers: an HTTP status and a plain-text body (empty for 204). */
public record PushReply(int status, String body) {

  public static final PushReply ACCEPTED = new PushReply(204, "");
}
