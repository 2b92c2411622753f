package io.skald.storage;

import java.io.IOException;

/** The bucket itself does not exist: a configuration matter, never read as "no object". */
public class NoSuchBucketException extends IOException {

  public NoSuchBucketException(String message, Throwable cause) {
    super(message, cause);
  }
}
