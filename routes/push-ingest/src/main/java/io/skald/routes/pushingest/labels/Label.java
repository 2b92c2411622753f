package io.skald.routes.pushingest.labels;

import java.util.Objects;

/** One stream label. */
public record Label(String name, String value) {
  public Label {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
