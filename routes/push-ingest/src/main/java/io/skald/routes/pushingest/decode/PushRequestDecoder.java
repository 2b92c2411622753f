package io.skald.routes.pushingest.decode;

import io.skald.gocompat.GoQuote;
import io.skald.routes.pushingest.PushException;
import io.skald.routes.pushingest.PushRoute;
import io.skald.routes.pushingest.model.PushRequest;

/**
 * Turns a push body into a {@link PushRequest}, as Loki's {@code parsePushRequestBody} does:
 *
 * <ol>
 *   <li>{@code Content-Encoding} {@code ""}/{@code snappy} (nothing to do), {@code gzip} or {@code
 *       deflate} (inflated here); anything else is 400 {@code Content-Encoding "<x>" not
 *       supported};
 *   <li>{@code Content-Type} parsed as a media type (400 {@code mime: no media type} when missing);
 *   <li>{@code application/json}: the v1 or legacy JSON dialect depending on the route; any other
 *       type: snappy block-compressed protobuf.
 * </ol>
 *
 * Size limits give 413 {@code request body too large: ...}. Every other failure is a 400 whose text
 * is Loki's Go error text. The decoder never throws anything but {@link PushException}. Thread-safe
 * and stateless.
 */
public final class PushRequestDecoder {
  static final String TOO_LARGE =
      "request body too large: message size too large than max (%d vs %d)";
  static final String DECOMPRESSED_TOO_LARGE =
      "request body too large: decompressed message size too large than max (%d vs %d)";

  /** The largest array the JVM reliably allocates. */
  private static final long ARRAY_MAX = Integer.MAX_VALUE - 8;

  private final DecoderConfig config;

  public PushRequestDecoder() {
    this(DecoderConfig.DEFAULTS);
  }

  public PushRequestDecoder(DecoderConfig config) {
    this.config = config;
  }

  public DecoderConfig config() {
    return config;
  }

  /**
   * @param body the raw request body as received
   * @param contentType the {@code Content-Type} header, may be null
   * @param contentEncoding the {@code Content-Encoding} header, may be null
   * @param route which push route received the body (selects the JSON dialect)
   * @throws PushException 400 (malformed), 413 (too large)
   */
  public PushRequest decode(
      byte[] body, String contentType, String contentEncoding, PushRoute route) {
    try {
      return decodeUnchecked(
          body == null ? new byte[0] : body, contentType, contentEncoding, route);
    } catch (PushException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      // defensive: a body must never turn into a 500
      throw new PushException(400, "couldn't decode push request: " + e);
    }
  }

  private PushRequest decodeUnchecked(
      byte[] body, String contentType, String contentEncoding, PushRoute route) {
    String encoding = contentEncoding == null ? "" : contentEncoding;
    boolean inflate =
        switch (encoding) {
          case "", "snappy" -> false;
          case "gzip", "deflate" -> true;
          default ->
              throw new PushException(
                  400, "Content-Encoding " + quote(encoding) + " not supported");
        };
    long maxRecv = config.maxRecvMsgSize() > 0 ? config.maxRecvMsgSize() : Long.MAX_VALUE;
    long maxDecompressed =
        Math.min(
            config.maxDecompressedSize() > 0 ? config.maxDecompressedSize() : ARRAY_MAX, ARRAY_MAX);
    if (encoding.equals("gzip")) {
      Inflation.checkGzipHeader(
          body); // Go's gzip.NewReader reads it before the media type is looked at
    }
    String mediaType = MediaType.parse(contentType);
    boolean json = mediaType.equals("application/json");
    checkCompressed(body, maxRecv, json);

    byte[] payload = body;
    if (inflate) {
      long cap = json ? maxDecompressed : Math.min(maxDecompressed, maxRecv);
      int limit = (int) Math.min(cap + 1, ARRAY_MAX);
      Inflation.Result r =
          encoding.equals("gzip") ? Inflation.gzip(body, limit) : Inflation.deflate(body, limit);
      payload = r.bytes();
      if (!json && payload.length > maxRecv) {
        throw new PushException(413, String.format(TOO_LARGE, payload.length, maxRecv));
      }
      if (r.truncated()) {
        throw new PushException(
            413, String.format(DECOMPRESSED_TOO_LARGE, payload.length, maxDecompressed));
      }
    }
    if (json) {
      return route == PushRoute.LEGACY
          ? LegacyJsonPushParser.parse(payload)
          : JsonPushParser.parse(payload, config.acceptQueryStyleMetadata());
    }
    long declared = SnappyBlock.decodedLength(payload);
    if (declared > maxDecompressed) {
      throw new PushException(
          413, String.format(DECOMPRESSED_TOO_LARGE, declared, maxDecompressed));
    }
    return ProtobufPushParser.parse(SnappyBlock.decode(payload, (int) declared));
  }

  /**
   * Loki reads JSON bodies through a reader cut at max+1 bytes and reports that count; protobuf
   * bodies are checked against their Content-Length, i.e. the full size.
   */
  private static void checkCompressed(byte[] body, long maxRecv, boolean json) {
    if (body.length > maxRecv) {
      long reported = json ? maxRecv + 1 : body.length;
      throw new PushException(413, String.format(TOO_LARGE, reported, maxRecv));
    }
  }

  private static String quote(String s) {
    return GoQuote.quote(s);
  }
}
