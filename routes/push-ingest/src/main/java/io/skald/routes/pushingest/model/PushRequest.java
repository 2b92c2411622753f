package io.skald.routes.pushingest.model;

import java.util.List;

/** A decoded push request, independent of the wire format it arrived in. */
public record PushRequest(List<PushStream> streams) {
  public PushRequest {
    streams = List.copyOf(streams);
  }
}
