package io.skald.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * Metadata of one stored object.
 *
 * @param eTag opaque version tag: differs after an overwrite, equal in {@code head} and {@code
 *     list}. On S3 it is the server's ETag without quotes; on the file system it is derived from
 *     the file's identity, size and modification time (no content hash).
 */
public record ObjectInfo(String key, long size, Instant lastModified, String eTag) {

  public ObjectInfo {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(lastModified, "lastModified");
    Objects.requireNonNull(eTag, "eTag");
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0: " + size);
    }
  }
}
