package io.skald.segment;

/**
 * The bytes handed to {@link SegmentReader} are not a valid segment: truncated, bit-flipped,
 * inconsistent, or not a segment at all. Callers should treat the object as unreadable rather than
 * retry; retrying a ranged read only helps if the storage layer itself returned short data.
 */
public class CorruptSegmentException extends Exception {
  private static final long serialVersionUID = 1L;

  public CorruptSegmentException(String message) {
    super(message);
  }

  public CorruptSegmentException(String message, Throwable cause) {
    super(message, cause);
  }
}
