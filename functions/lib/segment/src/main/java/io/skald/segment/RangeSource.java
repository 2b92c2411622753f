package io.skald.segment;

import java.io.EOFException;
import java.io.IOException;
import java.util.Objects;

/**
 * Random access to one stored object, typically an S3 object read with ranged GETs. The reader
 * calls {@link #size()} once per footer read; implementations should answer it from metadata they
 * already have (for example the listing or the event that announced the object).
 */
public interface RangeSource {
  /** Total size of the object in bytes. */
  long size() throws IOException;

  /**
   * Returns exactly {@code length} bytes starting at {@code offset}. A shorter answer is treated by
   * the reader as a truncated object ({@link CorruptSegmentException}).
   */
  byte[] read(long offset, int length) throws IOException;

  /** An in-memory source over a whole object; the array is not copied. */
  static RangeSource of(byte[] object) {
    Objects.requireNonNull(object, "object");
    return new RangeSource() {
      @Override
      public long size() {
        return object.length;
      }

      @Override
      public byte[] read(long offset, int length) throws IOException {
        if (offset < 0 || length < 0 || offset + length > object.length) {
          throw new EOFException(
              "range [" + offset + ", +" + length + ") outside " + object.length);
        }
        byte[] out = new byte[length];
        System.arraycopy(object, (int) offset, out, 0, length);
        return out;
      }
    };
  }
}
