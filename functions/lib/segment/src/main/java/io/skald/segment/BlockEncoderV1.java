package io.skald.segment;

import io.skald.labels.Label;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Accumulates time-ordered entries of one stream into the v1 block payload (before zstd). Each
 * column goes to its own buffer so {@link #encodedSize()} is exact and the cut decision is cheap.
 *
 * <p>Payload: entry count, timestamps (first zigzag, then unsigned deltas), line lengths, symbol
 * table, per-entry metadata as symbol ids, then all line bytes back to back. Lines go last so a
 * reader can hand out views into one contiguous region.
 */
final class BlockEncoderV1 {
  private final ByteSink timestamps = new ByteSink(1024);
  private final ByteSink lengths = new ByteSink(1024);
  private final ByteSink symbols = new ByteSink(256);
  private final ByteSink metadata = new ByteSink(256);
  private final ByteSink lines = new ByteSink(64 * 1024);
  // Names and values share one table: values such as trace ids rarely collide with names anyway.
  private final Map<String, Integer> symbolIds = new HashMap<>();

  /** UTF-8 length of each symbol, by id: the metadata part of an entry's raw bytes. */
  private int[] symbolBytes = new int[16];

  private int entries;
  private long rawBytes;
  private long minTime;
  private long maxTime;

  void add(StoredEntry e) {
    long ts = e.timestampNanos();
    if (entries == 0) {
      minTime = ts;
      timestamps.writeZigzag(ts);
    } else {
      // Entries arrive sorted, so the delta is non-negative as an unsigned 64-bit number.
      timestamps.writeUvarint(ts - maxTime);
    }
    maxTime = ts;
    lengths.writeUvarint(e.line().length);
    metadata.writeUvarint(e.metadata().size());
    long raw = e.line().length;
    for (Label label : e.metadata()) {
      int name = symbol(label.name());
      int value = symbol(label.value());
      metadata.writeUvarint(name);
      metadata.writeUvarint(value);
      raw += symbolBytes[name] + symbolBytes[value];
    }
    lines.writeBytes(e.line());
    entries++;
    rawBytes += raw;
  }

  boolean isEmpty() {
    return entries == 0;
  }

  /** Exact size of the payload {@link #encodeTo} would write now. */
  long encodedSize() {
    return (long) ByteSink.uvarintLength(entries)
        + timestamps.size()
        + lengths.size()
        + ByteSink.uvarintLength(symbolIds.size())
        + symbols.size()
        + metadata.size()
        + lines.size();
  }

  void encodeTo(ByteSink out) {
    out.writeUvarint(entries);
    out.writeSink(timestamps);
    out.writeSink(lengths);
    out.writeUvarint(symbolIds.size());
    out.writeSink(symbols);
    out.writeSink(metadata);
    out.writeSink(lines);
  }

  int entries() {
    return entries;
  }

  int rawBytes() {
    return Math.toIntExact(rawBytes);
  }

  long minTime() {
    return minTime;
  }

  long maxTime() {
    return maxTime;
  }

  void reset() {
    timestamps.reset();
    lengths.reset();
    symbols.reset();
    metadata.reset();
    lines.reset();
    symbolIds.clear();
    entries = 0;
    rawBytes = 0;
  }

  private int symbol(String s) {
    Integer id = symbolIds.get(s);
    if (id != null) {
      return id;
    }
    int next = symbolIds.size();
    symbolIds.put(s, next);
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    if (next == symbolBytes.length) {
      symbolBytes = Arrays.copyOf(symbolBytes, 2 * next);
    }
    symbolBytes[next] = utf8.length;
    symbols.writeUvarint(utf8.length);
    symbols.writeBytes(utf8);
    return next;
  }
}
