package io.skald.routes.pushingest.model;

import java.util.Objects;

/** One structured-metadata pair of a log entry (Loki {@code LabelPairAdapter}). */
public record MetadataPair(String name, String value) {
  public MetadataPair {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
