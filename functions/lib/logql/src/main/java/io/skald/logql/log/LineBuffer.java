package io.skald.logql.log;

import java.nio.charset.StandardCharsets;

/**
 * The current line as a byte range. Stages must not write into the bytes; a stage that rewrites the
 * line (line_format, decolorize, unpack) points the buffer at new bytes with {@link #set}.
 * Character views for regexes are computed lazily, at most once per line.
 */
public final class LineBuffer {
  private byte[] array;
  private int offset;
  private int length;
  private final AsciiView asciiView = new AsciiView();
  private CharSequence chars;
  private String string;

  public LineBuffer() {
    this(new byte[0], 0, 0);
  }

  public LineBuffer(byte[] array, int offset, int length) {
    set(array, offset, length);
  }

  public static LineBuffer of(String line) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    return new LineBuffer(b, 0, b.length);
  }

  /** Points the buffer at another line; the bytes are borrowed, not copied. */
  public void set(byte[] array, int offset, int length) {
    this.array = array;
    this.offset = offset;
    this.length = length;
    this.chars = null;
    this.string = null;
  }

  public byte[] array() {
    return array;
  }

  public int offset() {
    return offset;
  }

  public int length() {
    return length;
  }

  /** True when the buffer covers its whole array, so the array can be handed out as is. */
  public boolean isWholeArray() {
    return offset == 0 && length == array.length;
  }

  /**
   * The line as characters: a zero-copy view for ASCII lines, a decoded string otherwise. Valid
   * until the next {@link #set}.
   */
  public CharSequence chars() {
    if (chars == null) {
      if (isAscii()) {
        asciiView.reset(array, offset, length);
        chars = asciiView;
      } else {
        chars = asString();
      }
    }
    return chars;
  }

  /** The line decoded as UTF-8 (allocates once per line). */
  public String asString() {
    if (string == null) {
      string = new String(array, offset, length, StandardCharsets.UTF_8);
    }
    return string;
  }

  /** A copy of the bytes (for results that outlive the buffer). */
  public byte[] toByteArray() {
    byte[] out = new byte[length];
    System.arraycopy(array, offset, out, 0, length);
    return out;
  }

  private boolean isAscii() {
    for (int i = offset, end = offset + length; i < end; i++) {
      if (array[i] < 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return asString();
  }

  /** Reusable ASCII char view over bytes. */
  private static final class AsciiView implements CharSequence {
    private byte[] a;
    private int off;
    private int len;

    void reset(byte[] a, int off, int len) {
      this.a = a;
      this.off = off;
      this.len = len;
    }

    @Override
    public int length() {
      return len;
    }

    @Override
    public char charAt(int index) {
      if (index < 0 || index >= len) {
        throw new IndexOutOfBoundsException(index);
      }
      return (char) a[off + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new String(a, off + start, end - start, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
      return new String(a, off, len, StandardCharsets.ISO_8859_1);
    }
  }
}
