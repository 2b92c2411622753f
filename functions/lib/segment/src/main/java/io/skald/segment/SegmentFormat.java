package io.skald.segment;

/**
 * Constants of the segment format. The byte layout itself is documented in {@code
 * docs/formats/segment-v1.md}; only this package reads or writes it.
 *
 * <p>Version rule: a released version is frozen. Any change to the layout is a new version
 * constant, and the reader keeps decoding every older version.
 */
public final class SegmentFormat {
  /** The four ASCII bytes {@code SKSG}, as a big-endian int, at the very start and very end. */
  public static final int MAGIC = 0x534B5347;

  /** First (and currently only) format version. Frozen. */
  public static final int VERSION_1 = 1;

  /** Version written by {@link SegmentWriter}. */
  public static final int CURRENT_VERSION = VERSION_1;

  /** Header: magic (4) + version (1). */
  public static final int HEADER_SIZE = 5;

  /** Trailer: footer length (4) + footer CRC32 (4) + version (1) + magic (4). */
  public static final int TRAILER_SIZE = 13;

  /** Bytes {@link SegmentReader#readFooter(RangeSource)} fetches from the end in its first read. */
  public static final int FOOTER_TAIL_READ_BYTES = 64 * 1024;

  public static final int DEFAULT_BLOCK_TARGET_BYTES = 256 * 1024;
  public static final int DEFAULT_ZSTD_LEVEL = 3;

  /** Upper bound the writer accepts for a block target; keeps decoded blocks far below 2 GiB. */
  public static final int MAX_BLOCK_TARGET_BYTES = 64 * 1024 * 1024;

  /** Largest single entry (line plus metadata bytes) the writer accepts. */
  public static final int MAX_ENTRY_BYTES = 64 * 1024 * 1024;

  /**
   * Largest decoded size of any compressed frame (block or footer). Readers refuse larger declared
   * sizes so a damaged length cannot make them allocate gigabytes.
   */
  public static final int MAX_DECODED_FRAME_BYTES = 1 << 30;

  private SegmentFormat() {}
}
