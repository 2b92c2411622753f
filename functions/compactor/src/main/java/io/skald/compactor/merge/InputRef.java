package io.skald.compactor.merge;

import java.util.Objects;

/**
 * An object being replaced, with the version tag it had when it was read. Deleting or swapping it
 * out is allowed only while it still carries that tag: a chunker replay that rewrote the key in the
 * meantime may have added entries the replacement does not hold.
 */
public record InputRef(String key, String eTag) {
  public InputRef {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(eTag, "eTag");
  }
}
