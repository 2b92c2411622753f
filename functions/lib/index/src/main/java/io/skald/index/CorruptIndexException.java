package io.skald.index;

/** An index object that cannot be decoded; it can always be rebuilt from the segments. */
public class CorruptIndexException extends Exception {
  public CorruptIndexException(String message) {
    super(message);
  }

  public CorruptIndexException(String message, Throwable cause) {
    super(message, cause);
  }
}
