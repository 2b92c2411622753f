package io.skald.compactor.events;

/**
 * How an event endpoint answers. Knative retries 5xx (and redelivers until its dead-letter sink),
 * drops 4xx, and treats a 2xx with a body that is not a CloudEvent as a failure, so handled events
 * get an empty 204 and the outcome travels in a header.
 *
 * @param status HTTP status
 * @param outcome what happened, e.g. {@code indexed}, {@code dead-lettered: <reason>}
 */
public record EventReply(int status, String outcome) {

  public static EventReply handled(String outcome) {
    return new EventReply(204, outcome);
  }

  /** Not an event this endpoint can read (not from Knative); retrying cannot help. */
  public static EventReply invalid(String reason) {
    return new EventReply(400, reason);
  }

  /** Transient trouble (object store or bus unreachable): Knative should retry. */
  public static EventReply unavailable(String reason) {
    return new EventReply(503, reason);
  }

  /** Something is broken that a retry may not fix (a corrupt index); still retried, and logged. */
  public static EventReply failed(String reason) {
    return new EventReply(500, reason);
  }

  public boolean ok() {
    return status / 100 == 2;
  }
}
