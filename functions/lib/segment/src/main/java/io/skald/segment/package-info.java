/**
 * The segment format: one immutable object holding many streams of one tenant.
 *
 * <p>{@link io.skald.segment.SegmentWriter} builds a segment in memory; {@link
 * io.skald.segment.SegmentReader} reads the footer from the end of an object and then single blocks
 * through a {@link io.skald.segment.RangeSource}, so queries fetch only the blocks of matching
 * streams in their time range. The byte layout is private to this package and described in {@code
 * docs/formats/segment-v1.md}; constants live in {@link io.skald.segment.SegmentFormat}.
 *
 * <p>This module is framework-free on purpose: chunker, querier and compactor all depend on it, and
 * it depends on nothing but zstd-jni.
 */
package io.skald.segment;
