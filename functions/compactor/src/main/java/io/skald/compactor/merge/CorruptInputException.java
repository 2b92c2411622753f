package io.skald.compactor.merge;

import io.skald.segment.CorruptSegmentException;

/** A merge input that cannot be read: names the object so it can be quarantined. */
public final class CorruptInputException extends CorruptSegmentException {

  private final String key;

  public CorruptInputException(String key, CorruptSegmentException cause) {
    super(key + ": " + cause.getMessage(), cause);
    this.key = key;
  }

  public String key() {
    return key;
  }
}
