package io.skald.segment;

/**
 * Where one compressed block of a stream lives in the segment, and what it holds. Enough to decide
 * whether to fetch it (time range) and to answer count-style questions without fetching.
 *
 * @param offset byte offset of the stored block within the segment object
 * @param length stored (compressed) size in bytes; the ranged read is [offset, offset+length)
 * @param minTimeNanos timestamp of the first entry
 * @param maxTimeNanos timestamp of the last entry
 * @param entries number of entries, at least 1
 * @param rawBytes line bytes plus structured metadata name/value bytes (UTF-8)
 * @param crc32 CRC32 of the stored bytes, checked before decompression
 */
public record BlockRef(
    long offset,
    int length,
    long minTimeNanos,
    long maxTimeNanos,
    int entries,
    int rawBytes,
    int crc32) {

  /** Whether any entry may fall in {@code [fromNanosInclusive, toNanosExclusive)}. */
  public boolean overlaps(long fromNanosInclusive, long toNanosExclusive) {
    return minTimeNanos < toNanosExclusive && maxTimeNanos >= fromNanosInclusive;
  }

  /** Whether every entry falls in {@code [fromNanosInclusive, toNanosExclusive)}. */
  public boolean within(long fromNanosInclusive, long toNanosExclusive) {
    return minTimeNanos >= fromNanosInclusive && maxTimeNanos < toNanosExclusive;
  }
}
