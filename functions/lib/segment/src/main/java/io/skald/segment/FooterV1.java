package io.skald.segment;

import io.skald.gocompat.Utf8;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes and decodes the v1 footer body (the stream table, before zstd). Times inside a stream are
 * stored as unsigned deltas from the stream's minimum, which keeps them to a few bytes. Decoding
 * checks every cross-field invariant so a caller can trust the refs it gets back.
 */
final class FooterV1 {
  private FooterV1() {}

  static ByteSink encode(List<StreamInfo> streams) {
    ByteSink out = new ByteSink(64 + streams.size() * 96);
    out.writeUvarint(streams.size());
    for (StreamInfo s : streams) {
      byte[] labels = s.labels().getBytes(StandardCharsets.UTF_8);
      out.writeUvarint(labels.length);
      out.writeBytes(labels);
      out.writeZigzag(s.minTimeNanos());
      out.writeUvarint(s.maxTimeNanos() - s.minTimeNanos());
      out.writeUvarint(s.entries());
      out.writeUvarint(s.rawBytes());
      out.writeUvarint(s.blocks().size());
      for (BlockRef b : s.blocks()) {
        out.writeUvarint(b.offset());
        out.writeUvarint(b.length());
        out.writeUvarint(b.minTimeNanos() - s.minTimeNanos());
        out.writeUvarint(b.maxTimeNanos() - b.minTimeNanos());
        out.writeUvarint(b.entries());
        out.writeUvarint(b.rawBytes());
        out.writeIntLE(b.crc32());
      }
    }
    return out;
  }

  /**
   * @param dataEnd offset where the footer starts; every block must end at or before it
   */
  static SegmentFooter decode(byte[] body, long dataEnd) throws CorruptSegmentException {
    ByteReader in = new ByteReader(body, 0, body.length, "footer");
    int count = in.readCount(body.length, "stream count");
    List<StreamInfo> streams = new ArrayList<>(count);
    String previousLabels = null;
    long previousBlockEnd = SegmentFormat.HEADER_SIZE;
    for (int i = 0; i < count; i++) {
      int labelsLength = in.readCount(in.remaining(), "labels length");
      String labels = new String(body, in.skip(labelsLength), labelsLength, StandardCharsets.UTF_8);
      if (previousLabels != null && Utf8.compare(previousLabels, labels) >= 0) {
        throw in.corrupt("streams not sorted or not unique at " + labels);
      }
      previousLabels = labels;
      long min = in.readZigzag();
      long max = plusDelta(min, in.readUvarint(), in);
      long entries = in.readUvarint();
      long rawBytes = in.readUvarint();
      int blockCount = in.readCount(in.remaining(), "block count");
      if (blockCount == 0) {
        throw in.corrupt("stream without blocks: " + labels);
      }
      List<BlockRef> blocks = new ArrayList<>(blockCount);
      long entrySum = 0;
      long rawSum = 0;
      long previousMax = min;
      for (int b = 0; b < blockCount; b++) {
        BlockRef ref = readBlock(in, min);
        if (ref.offset() < previousBlockEnd || ref.offset() > dataEnd - ref.length()) {
          throw in.corrupt("block range out of place at offset " + ref.offset());
        }
        if (ref.minTimeNanos() < previousMax || ref.maxTimeNanos() > max) {
          throw in.corrupt("block times out of order in " + labels);
        }
        previousBlockEnd = ref.offset() + ref.length();
        previousMax = ref.maxTimeNanos();
        entrySum += ref.entries();
        rawSum += ref.rawBytes();
        blocks.add(ref);
      }
      if (blocks.get(0).minTimeNanos() != min
          || previousMax != max
          || entrySum != entries
          || rawSum != rawBytes) {
        throw in.corrupt("stream totals differ from its blocks: " + labels);
      }
      streams.add(new StreamInfo(labels, min, max, entries, rawBytes, blocks));
    }
    in.expectEnd();
    return new SegmentFooter(SegmentFormat.VERSION_1, streams);
  }

  private static BlockRef readBlock(ByteReader in, long streamMin) throws CorruptSegmentException {
    long offset = in.readUvarint();
    int length = in.readCount(Integer.MAX_VALUE, "block length");
    long blockMin = plusDelta(streamMin, in.readUvarint(), in);
    long blockMax = plusDelta(blockMin, in.readUvarint(), in);
    int entries = in.readCount(Integer.MAX_VALUE, "block entries");
    int rawBytes = in.readCount(Integer.MAX_VALUE, "block raw bytes");
    int crc = in.readIntLE();
    if (entries == 0 || length <= Frame.LENGTH_PREFIX || offset < 0) {
      throw in.corrupt("impossible block at offset " + offset);
    }
    return new BlockRef(offset, length, blockMin, blockMax, entries, rawBytes, crc);
  }

  /** {@code base + delta} with {@code delta} unsigned; fails instead of wrapping around. */
  private static long plusDelta(long base, long delta, ByteReader in)
      throws CorruptSegmentException {
    if (Long.compareUnsigned(delta, Long.MAX_VALUE - base) > 0) {
      throw in.corrupt("time delta overflows");
    }
    return base + delta;
  }
}
