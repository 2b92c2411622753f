package io.skald.segment;

import io.skald.labels.Label;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Iterates one decoded block in ascending time order (or backwards, for newest-first queries).
 * Nothing is allocated per entry: the line is a view into the block's decoded buffer ({@link
 * #lineArray()}, {@link #lineOffset()}, {@link #lineLength()}). Treat that view as read only and
 * valid until the cursor moves; copy what you keep. Not thread-safe.
 *
 * <p>The decoded buffer belongs to the thread that opened the block and is reused by its next
 * {@link SegmentReader#openBlock} call, so the cursor as a whole (lines and not-yet-read metadata)
 * is valid only until then: use one cursor at a time per thread. Strings and copies it has returned
 * ({@link #lineString()}, {@link #lineBytes()}, metadata) stay valid.
 *
 * <p>The cursor starts before the first entry, so the idiom is {@code while (c.next()) ...}.
 */
public final class BlockCursor {
  private final byte[] data;
  private final long[] timestamps;
  private final int[] lineStarts;
  private final int[] symbolStarts;
  private final int[] symbolLengths;
  private final int[] metadataStarts;
  private final int[] metadataSymbols;
  private final String[] symbolCache;
  private int index = -1;

  BlockCursor(
      byte[] data,
      long[] timestamps,
      int[] lineStarts,
      int[] symbolStarts,
      int[] symbolLengths,
      int[] metadataStarts,
      int[] metadataSymbols) {
    this.data = data;
    this.timestamps = timestamps;
    this.lineStarts = lineStarts;
    this.symbolStarts = symbolStarts;
    this.symbolLengths = symbolLengths;
    this.metadataStarts = metadataStarts;
    this.metadataSymbols = metadataSymbols;
    this.symbolCache = new String[symbolStarts.length];
  }

  /** Number of entries in the block. */
  public int entryCount() {
    return timestamps.length;
  }

  /** Moves to the next entry; false once past the last. */
  public boolean next() {
    if (index < timestamps.length) {
      index++;
    }
    return index < timestamps.length;
  }

  /** Moves to the previous entry; false once before the first. */
  public boolean previous() {
    if (index >= 0) {
      index--;
    }
    return index >= 0;
  }

  /** Positions before the first entry (the initial state). */
  public void beforeFirst() {
    index = -1;
  }

  /** Positions after the last entry, ready for {@link #previous()}. */
  public void afterLast() {
    index = timestamps.length;
  }

  /**
   * Positions so that {@link #next()} lands on the first entry at or after {@code fromNanos}
   * (binary search; ties go to the earliest arrival).
   */
  public void seek(long fromNanos) {
    int lo = 0;
    int hi = timestamps.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (timestamps[mid] < fromNanos) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    index = lo - 1;
  }

  public long timestampNanos() {
    return timestamps[current()];
  }

  /**
   * The block's decoded buffer holding the current line at {@link #lineOffset()}; it may be longer
   * than the block (a reused buffer). Do not modify.
   */
  public byte[] lineArray() {
    current();
    return data;
  }

  public int lineOffset() {
    return lineStarts[current()];
  }

  public int lineLength() {
    int i = current();
    return lineStarts[i + 1] - lineStarts[i];
  }

  /** The current line decoded as UTF-8 (allocates; prefer the byte view on hot paths). */
  public String lineString() {
    int i = current();
    return new String(
        data, lineStarts[i], lineStarts[i + 1] - lineStarts[i], StandardCharsets.UTF_8);
  }

  /** A copy of the current line's bytes. */
  public byte[] lineBytes() {
    int i = current();
    return Arrays.copyOfRange(data, lineStarts[i], lineStarts[i + 1]);
  }

  public int structuredMetadataCount() {
    int i = current();
    return (metadataStarts[i + 1] - metadataStarts[i]) / 2;
  }

  /** Name of the current entry's {@code k}-th metadata pair; strings are shared per block. */
  public String structuredMetadataName(int k) {
    return symbol(pairSymbol(k, 0));
  }

  public String structuredMetadataValue(int k) {
    return symbol(pairSymbol(k, 1));
  }

  /** The current entry's structured metadata in stored order (allocates a list). */
  public List<Label> structuredMetadata() {
    int count = structuredMetadataCount();
    if (count == 0) {
      return List.of();
    }
    List<Label> out = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      out.add(new Label(structuredMetadataName(k), structuredMetadataValue(k)));
    }
    return out;
  }

  private int pairSymbol(int k, int which) {
    Objects.checkIndex(k, structuredMetadataCount());
    return metadataSymbols[metadataStarts[index] + 2 * k + which];
  }

  private String symbol(int id) {
    String s = symbolCache[id];
    if (s == null) {
      s = new String(data, symbolStarts[id], symbolLengths[id], StandardCharsets.UTF_8);
      symbolCache[id] = s;
    }
    return s;
  }

  private int current() {
    if (index < 0 || index >= timestamps.length) {
      throw new IllegalStateException("cursor is not on an entry; call next() first");
    }
    return index;
  }
}
