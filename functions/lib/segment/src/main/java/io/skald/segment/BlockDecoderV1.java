package io.skald.segment;

import java.util.Arrays;

/**
 * Decodes a v1 block payload (already decompressed) into a {@link BlockCursor}. All columns are
 * decoded and cross-checked here, once per block, so the cursor itself can never fail: iteration is
 * just array indexing and line bytes are never copied.
 */
final class BlockDecoderV1 {
  private BlockDecoderV1() {}

  static BlockCursor decode(byte[] payload, BlockRef ref) throws CorruptSegmentException {
    return decode(payload, payload.length, ref);
  }

  /**
   * Decodes the payload {@code payload[0, payloadLength)}; the array may be longer (a reused
   * buffer), and the cursor keeps it as its backing buffer.
   */
  static BlockCursor decode(byte[] payload, int payloadLength, BlockRef ref)
      throws CorruptSegmentException {
    ByteReader in = new ByteReader(payload, 0, payloadLength, "block at " + ref.offset());
    int n = in.readCount(payloadLength / 3, "entry count"); // an entry takes at least 3 bytes
    if (n != ref.entries()) {
      throw in.corrupt(n + " entries, footer says " + ref.entries());
    }
    long[] timestamps = readTimestamps(in, n);
    if (n > 0 && (timestamps[0] != ref.minTimeNanos() || timestamps[n - 1] != ref.maxTimeNanos())) {
      throw in.corrupt("time range differs from footer");
    }
    int[] lineStarts = new int[n + 1];
    for (int i = 0; i < n; i++) {
      long end = (long) lineStarts[i] + in.readCount(payloadLength, "line length");
      if (end > payloadLength) {
        throw in.corrupt("line lengths exceed block");
      }
      lineStarts[i + 1] = (int) end;
    }
    int symbolCount = in.readCount(in.remaining(), "symbol count");
    int[] symbolStarts = new int[symbolCount];
    int[] symbolLengths = new int[symbolCount];
    for (int i = 0; i < symbolCount; i++) {
      symbolLengths[i] = in.readCount(in.remaining(), "symbol length");
      symbolStarts[i] = in.skip(symbolLengths[i]);
    }
    int[] metadataStarts = new int[n + 1];
    int[] pairs = new int[0];
    int pairEnd = 0;
    long metadataBytes = 0;
    for (int i = 0; i < n; i++) {
      int count = in.readCount(in.remaining() / 2, "metadata count");
      if (pairEnd + 2 * count > pairs.length) {
        pairs = Arrays.copyOf(pairs, Math.max(pairEnd + 2 * count, pairs.length * 2));
      }
      for (int j = 0; j < 2 * count; j++) {
        int symbol = in.readCount(symbolCount - 1L, "symbol id");
        pairs[pairEnd++] = symbol;
        metadataBytes += symbolLengths[symbol];
      }
      metadataStarts[i + 1] = pairEnd;
    }
    int linesStart = in.skip(lineStarts[n]);
    in.expectEnd();
    if (lineStarts[n] + metadataBytes != ref.rawBytes()) {
      throw in.corrupt("raw bytes differ from footer");
    }
    for (int i = 0; i <= n; i++) {
      lineStarts[i] += linesStart;
    }
    return new BlockCursor(
        payload,
        timestamps,
        lineStarts,
        symbolStarts,
        symbolLengths,
        metadataStarts,
        Arrays.copyOf(pairs, pairEnd));
  }

  private static long[] readTimestamps(ByteReader in, int n) throws CorruptSegmentException {
    long[] ts = new long[n];
    for (int i = 0; i < n; i++) {
      if (i == 0) {
        ts[0] = in.readZigzag();
      } else {
        long delta = in.readUvarint();
        // The delta is unsigned; reject it if adding it would run past Long.MAX_VALUE.
        if (Long.compareUnsigned(delta, Long.MAX_VALUE - ts[i - 1]) > 0) {
          throw in.corrupt("timestamp delta overflows");
        }
        ts[i] = ts[i - 1] + delta;
      }
    }
    return ts;
  }
}
