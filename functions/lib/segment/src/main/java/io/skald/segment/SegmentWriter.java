package io.skald.segment;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import io.skald.gocompat.Utf8;
import io.skald.labels.Label;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Buffers the entries of one tenant's streams and writes them as one segment object. Entries may
 * arrive in any order; {@link #finish()} sorts, de-duplicates, cuts blocks and compresses. One
 * writer produces one segment. Not thread-safe.
 */
public final class SegmentWriter {
  private final int blockTargetBytes;
  private final int zstdLevel;
  private final Map<String, StreamBuffer> streams = new HashMap<>();
  private int entryCount;
  private long rawBytes;
  private boolean finished;

  /** Block target {@value SegmentFormat#DEFAULT_BLOCK_TARGET_BYTES} bytes, zstd level 3. */
  public SegmentWriter() {
    this(SegmentFormat.DEFAULT_BLOCK_TARGET_BYTES, SegmentFormat.DEFAULT_ZSTD_LEVEL);
  }

  /**
   * @param blockTargetBytes a block is closed once its uncompressed payload reaches this size; 1 to
   *     {@link SegmentFormat#MAX_BLOCK_TARGET_BYTES}
   * @param zstdLevel zstd compression level (negative levels are zstd's fast modes)
   */
  public SegmentWriter(int blockTargetBytes, int zstdLevel) {
    if (blockTargetBytes < 1 || blockTargetBytes > SegmentFormat.MAX_BLOCK_TARGET_BYTES) {
      throw new IllegalArgumentException("blockTargetBytes out of range: " + blockTargetBytes);
    }
    if (zstdLevel < Zstd.minCompressionLevel() || zstdLevel > Zstd.maxCompressionLevel()) {
      throw new IllegalArgumentException("zstdLevel out of range: " + zstdLevel);
    }
    this.blockTargetBytes = blockTargetBytes;
    this.zstdLevel = zstdLevel;
  }

  /**
   * Adds one entry. {@code labels} is the canonical stream selector, used as an opaque key. The
   * line and metadata are copied, so callers may reuse their buffers.
   *
   * @throws IllegalArgumentException if the entry exceeds {@link SegmentFormat#MAX_ENTRY_BYTES}
   */
  public void append(
      String labels, long timestampNanos, byte[] line, List<Label> structuredMetadata) {
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(structuredMetadata, "structuredMetadata (use List.of())");
    ensureOpen();
    List<Label> metadata = storable(structuredMetadata);
    long size = StoredEntry.rawBytes(line.length, metadata);
    if (size > SegmentFormat.MAX_ENTRY_BYTES) {
      throw new IllegalArgumentException("entry of " + size + " bytes exceeds the limit");
    }
    streams
        .computeIfAbsent(Utf8.jdkRoundTrip(labels), k -> new StreamBuffer())
        .add(new StoredEntry(timestampNanos, line.clone(), metadata));
    entryCount++;
    rawBytes += size;
  }

  public boolean isEmpty() {
    return entryCount == 0;
  }

  /** Entries appended so far, duplicates included. */
  public int entryCount() {
    return entryCount;
  }

  /** Line plus metadata bytes appended so far, duplicates included; a flush trigger. */
  public long rawBytes() {
    return rawBytes;
  }

  /**
   * Writes the segment and returns its bytes. Can be called once; an empty writer yields a valid
   * segment with no streams. Output depends only on the input and the zstd version.
   */
  public byte[] finish() {
    ensureOpen();
    finished = true;
    List<String> labels = new ArrayList<>(streams.keySet());
    labels.sort(Utf8::compare); // code point order, the unsigned byte order of UTF-8
    ByteSink out = new ByteSink((int) Math.min(rawBytes / 4 + 1024, 1 << 26));
    SegmentEnds.writeHeader(out, SegmentFormat.VERSION_1);
    try (ZstdCompressCtx zstd = new ZstdCompressCtx()) {
      zstd.setLevel(zstdLevel);
      zstd.setContentSize(true); // v1 requires it: readers cross-check it with the envelope
      zstd.setChecksum(false); // our CRC32 already covers the stored bytes
      BlockEncoderV1 block = new BlockEncoderV1();
      ByteSink payload = new ByteSink(blockTargetBytes + 1024);
      List<StreamInfo> infos = new ArrayList<>(labels.size());
      for (String l : labels) {
        List<StoredEntry> entries = streams.remove(l).sortedUnique();
        infos.add(writeStream(l, entries, block, payload, zstd, out));
      }
      ByteSink footer = FooterV1.encode(infos);
      int footerStart = out.size();
      int footerLength = Frame.write(zstd, footer.array(), footer.size(), out);
      int footerCrc = Frame.crc32(out.array(), footerStart, footerLength);
      SegmentEnds.writeTrailer(out, footerLength, footerCrc, SegmentFormat.VERSION_1);
    }
    return out.toByteArray();
  }

  private StreamInfo writeStream(
      String labels,
      List<StoredEntry> entries,
      BlockEncoderV1 block,
      ByteSink payload,
      ZstdCompressCtx zstd,
      ByteSink out) {
    List<BlockRef> blocks = new ArrayList<>();
    for (StoredEntry e : entries) {
      block.add(e);
      if (block.encodedSize() >= blockTargetBytes) {
        blocks.add(flushBlock(block, payload, zstd, out));
      }
    }
    if (!block.isEmpty()) {
      blocks.add(flushBlock(block, payload, zstd, out));
    }
    long entryTotal = 0;
    long rawTotal = 0;
    for (BlockRef b : blocks) {
      entryTotal += b.entries();
      rawTotal += b.rawBytes();
    }
    return new StreamInfo(
        labels,
        blocks.get(0).minTimeNanos(),
        blocks.get(blocks.size() - 1).maxTimeNanos(),
        entryTotal,
        rawTotal,
        blocks);
  }

  private static BlockRef flushBlock(
      BlockEncoderV1 block, ByteSink payload, ZstdCompressCtx zstd, ByteSink out) {
    payload.reset();
    block.encodeTo(payload);
    int offset = out.size();
    int length = Frame.write(zstd, payload.array(), payload.size(), out);
    BlockRef ref =
        new BlockRef(
            offset,
            length,
            block.minTime(),
            block.maxTime(),
            block.entries(),
            block.rawBytes(),
            Frame.crc32(out.array(), offset, length));
    block.reset();
    return ref;
  }

  /** Copies the metadata in the form it reads back, so de-duplication sees stored values. */
  private static List<Label> storable(List<Label> metadata) {
    Label[] out = new Label[metadata.size()];
    for (int i = 0; i < out.length; i++) {
      Label l = metadata.get(i);
      String name = Utf8.jdkRoundTrip(l.name());
      String value = Utf8.jdkRoundTrip(l.value());
      out[i] = name == l.name() && value == l.value() ? l : new Label(name, value);
    }
    return List.of(out);
  }

  private void ensureOpen() {
    if (finished) {
      throw new IllegalStateException("finish() was already called");
    }
  }
}
