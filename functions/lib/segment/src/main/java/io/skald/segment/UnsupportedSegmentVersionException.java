package io.skald.segment;

/**
 * The object carries the segment magic but a format version this reader does not know. Kept
 * distinct from plain corruption so callers can tell "upgrade the reader" from "object is broken".
 */
public final class UnsupportedSegmentVersionException extends CorruptSegmentException {
  private static final long serialVersionUID = 1L;

  private final int version;

  public UnsupportedSegmentVersionException(int version) {
    super("unsupported segment format version " + version);
    this.version = version;
  }

  public int version() {
    return version;
  }
}
