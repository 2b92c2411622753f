package io.skald.routes.pushingest.decode;

/**
 * Size limits and dialect switches of {@link PushRequestDecoder}.
 *
 * @param maxRecvMsgSize {@code distributor.max_recv_msg_size}: the largest body as received
 *     (compressed); also caps the snappy-compressed protobuf after gzip/deflate. {@code <= 0} is
 *     off. Over it: 413.
 * @param maxDecompressedSize {@code distributor.max_decompressed_size}: the largest body after
 *     decompression. {@code <= 0} is off (a Java array still caps it at about 2 GiB). Over it: 413.
 * @param acceptQueryStyleMetadata accept the query-response form of the third element of a v1 JSON
 *     value, {@code {"structuredMetadata":{..},"parsed":{..}}}. Loki's push decoder rejects it
 *     (400), so the default is {@code false}.
 */
public record DecoderConfig(
    long maxRecvMsgSize, long maxDecompressedSize, boolean acceptQueryStyleMetadata) {
  public static final long MIB = 1024L * 1024L;

  /** Loki's defaults: 100 MiB received, 5000 MiB decompressed, query-style metadata refused. */
  public static final DecoderConfig DEFAULTS = new DecoderConfig(100 * MIB, 5000 * MIB, false);

  public DecoderConfig withMaxDecompressedSize(long bytes) {
    return new DecoderConfig(maxRecvMsgSize, bytes, acceptQueryStyleMetadata);
  }

  public DecoderConfig withMaxRecvMsgSize(long bytes) {
    return new DecoderConfig(bytes, maxDecompressedSize, acceptQueryStyleMetadata);
  }

  public DecoderConfig withAcceptQueryStyleMetadata(boolean accept) {
    return new DecoderConfig(maxRecvMsgSize, maxDecompressedSize, accept);
  }
}
