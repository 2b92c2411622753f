package io.skald.storage;

import java.io.IOException;

/** The requested key holds no object. */
public class NoSuchObjectException extends IOException {

  public NoSuchObjectException(String bucket, String key) {
    super("no object " + key + " in bucket " + bucket);
  }
}
